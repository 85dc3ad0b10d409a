import type { FairReport } from './report.js';

/** The report as one table: a row per booth, a total row, then a row per priority group. */
export const REPORT_COLUMNS = [
  'section',
  'key',
  'label',
  'registered',
  'checkedIn',
  'matchedAttendees',
  'interviewsScheduled',
  'interviewsHeld',
  'noShows',
  'offers',
  'hires',
] as const;

export type ReportRow = Record<(typeof REPORT_COLUMNS)[number], string | number | null>;

export function reportRows(report: FairReport): ReportRow[] {
  const booths = report.booths.map((b) => ({
    section: 'booth',
    key: b.boothId,
    label: `${b.employerName} (${b.label})`,
    registered: null,
    checkedIn: null,
    matchedAttendees: b.matchedAttendees,
    interviewsScheduled: b.interviewsScheduled,
    interviewsHeld: b.interviewsHeld,
    noShows: b.noShows,
    offers: b.offers,
    hires: b.hires,
  }));
  const total = {
    section: 'total',
    key: report.fairId,
    label: report.title,
    registered: report.registered,
    checkedIn: report.checkedIn,
    matchedAttendees: null,
    ...report.totals,
  };
  const groups = report.priorityReach.map((g) => ({
    section: 'priority-group',
    key: g.group,
    label: g.group,
    registered: g.registered,
    checkedIn: g.checkedIn,
    matchedAttendees: null,
    interviewsScheduled: null,
    interviewsHeld: g.interviewed,
    noShows: null,
    offers: null,
    hires: g.hired,
  }));
  return [...booths, total, ...groups];
}

/** A cell a spreadsheet will not run as a formula (CSV injection). */
const safeText = (value: string): string => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

const csvCell = (value: string | number | null): string => {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = safeText(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export function reportCsv(report: FairReport): string {
  const lines = [REPORT_COLUMNS.join(','), ...reportRows(report).map((row) => REPORT_COLUMNS.map((c) => csvCell(row[c])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

export const spreadsheetCell = (value: string | number | null): string | number | null =>
  typeof value === 'string' ? safeText(value) : value;
