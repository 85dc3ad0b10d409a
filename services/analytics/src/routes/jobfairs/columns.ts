import type { FairReport, FairSummary } from '../../domain/jobfair-report.js';
import type { Column } from '../export/table-export.js';

/** Text a spreadsheet will not run as a formula (labels and names come from employers and staff). */
export const safeText = (text: string | null): string | null => (text !== null && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

const THEMES: Record<string, string> = {
  general: 'Tổng hợp (general)',
  'back-from-abroad': 'Lao động về nước (back from abroad)',
  'fdi-electronics': 'Điện tử FDI (FDI electronics)',
  'after-military-service': 'Xuất ngũ (after military service)',
  youth: 'Thanh niên (youth)',
  'ethnic-minority': 'Dân tộc thiểu số (ethnic minority)',
  disability: 'Người khuyết tật (disability)',
  'rural-labour': 'Lao động nông thôn (rural labour)',
  'vocational-graduates': 'Tốt nghiệp nghề (vocational graduates)',
};

export const GROUP_NAMES: Record<string, string> = {
  poorHousehold: 'Hộ nghèo (poor household)',
  nearPoorHousehold: 'Hộ cận nghèo (near-poor household)',
  recentlyOutOfPoverty: 'Mới thoát nghèo (recently out of poverty)',
  ethnicMinority: 'Dân tộc thiểu số (ethnic minority)',
  disability: 'Người khuyết tật (disability)',
  backFromAbroad: 'Về nước sau lao động ở nước ngoài (back from abroad)',
  demobilised: 'Xuất ngũ (demobilised)',
  youth: 'Thanh niên ưu tiên (youth priority)',
  any: 'Thuộc ít nhất một nhóm (any priority group)',
};

export const FAIR_COLUMNS: readonly Column<FairSummary>[] = [
  { header: 'Mã phiên (fair id)', value: (f) => f.fairId },
  { header: 'Tên phiên (title)', value: (f) => safeText(f.title) },
  { header: 'Chủ đề (theme)', value: (f) => THEMES[f.theme] ?? f.theme },
  { header: 'Trạng thái (status)', value: (f) => f.status },
  { header: 'Hình thức (format)', value: (f) => f.format },
  { header: 'Bắt đầu (starts at)', value: (f) => f.startsAt },
  { header: 'Mã xã (commune code)', value: (f) => f.communeCode },
  { header: 'Số gian hàng (booths)', value: (f) => f.booths },
  { header: 'Đăng ký (registered)', value: (f) => f.registered },
  { header: 'Đã đến (checked in)', value: (f) => f.checkedIn },
  { header: 'Tỷ lệ tham dự (attendance rate)', value: (f) => f.attendanceRate },
  { header: 'Phỏng vấn đã hẹn (interviews scheduled)', value: (f) => f.interviewsScheduled },
  { header: 'Phỏng vấn đã diễn ra (interviews held)', value: (f) => f.interviewsHeld },
  { header: 'Vắng mặt (no-shows)', value: (f) => f.noShows },
  { header: 'Đề nghị tuyển (offers)', value: (f) => f.offers },
  { header: 'Được tuyển (hires)', value: (f) => f.hires },
  { header: 'Người thuộc nhóm ưu tiên đăng ký (priority-group registered)', value: (f) => f.priorityRegistered },
];

/** One table for the whole report: a total row, one row per booth, one per priority group. */
export interface ReportRow {
  section: 'total' | 'booth' | 'priority-group';
  name: string;
  employer: string | null;
  registered: number | null;
  checkedIn: number | null;
  attendanceRate: number | null;
  interviewsScheduled: number | null;
  interviewsCancelled: number | null;
  interviewsHeld: number | null;
  noShows: number | null;
  offers: number | null;
  hires: number | null;
  interviewed: number | null;
  hired: number | null;
}

const SECTIONS: Record<ReportRow['section'], string> = { total: 'Tổng (total)', booth: 'Gian hàng (booth)', 'priority-group': 'Nhóm ưu tiên (priority group)' };

export function reportRows({ fair, booths, priorityReach }: FairReport): ReportRow[] {
  const none = { registered: null, checkedIn: null, attendanceRate: null, interviewed: null, hired: null };
  const noInterviews = { interviewsScheduled: null, interviewsCancelled: null, interviewsHeld: null, noShows: null, offers: null, hires: null };
  const counts = (c: Omit<ReportRow, 'section' | 'name' | 'employer' | keyof typeof none>) => ({
    interviewsScheduled: c.interviewsScheduled,
    interviewsCancelled: c.interviewsCancelled,
    interviewsHeld: c.interviewsHeld,
    noShows: c.noShows,
    offers: c.offers,
    hires: c.hires,
  });
  return [
    { section: 'total', name: fair.title, employer: null, ...none, registered: fair.registered, checkedIn: fair.checkedIn, attendanceRate: fair.attendanceRate, ...counts(fair) },
    ...booths.map((b): ReportRow => ({ section: 'booth', name: b.label, employer: b.employerName, ...none, ...counts(b) })),
    ...priorityReach.map(
      (g): ReportRow => ({ section: 'priority-group', name: g.group, employer: null, ...noInterviews, registered: g.registered, checkedIn: g.checkedIn, attendanceRate: null, interviewed: g.interviewed, hired: g.hired }),
    ),
  ];
}

export const REPORT_COLUMNS: readonly Column<ReportRow>[] = [
  { header: 'Phần (section)', value: (r) => SECTIONS[r.section] },
  { header: 'Tên (name)', value: (r) => (r.section === 'priority-group' ? (GROUP_NAMES[r.name] ?? r.name) : safeText(r.name)) },
  { header: 'Doanh nghiệp (employer)', value: (r) => safeText(r.employer) },
  { header: 'Đăng ký (registered)', value: (r) => r.registered },
  { header: 'Đã đến (checked in)', value: (r) => r.checkedIn },
  { header: 'Tỷ lệ tham dự (attendance rate)', value: (r) => r.attendanceRate },
  { header: 'Phỏng vấn đã hẹn (interviews scheduled)', value: (r) => r.interviewsScheduled },
  { header: 'Phỏng vấn đã hủy (interviews cancelled)', value: (r) => r.interviewsCancelled },
  { header: 'Phỏng vấn đã diễn ra (interviews held)', value: (r) => r.interviewsHeld },
  { header: 'Vắng mặt (no-shows)', value: (r) => r.noShows },
  { header: 'Đề nghị tuyển (offers)', value: (r) => r.offers },
  { header: 'Được tuyển (hires)', value: (r) => r.hires },
  { header: 'Người được phỏng vấn (workers interviewed)', value: (r) => r.interviewed },
  { header: 'Người được tuyển (workers hired)', value: (r) => r.hired },
];
