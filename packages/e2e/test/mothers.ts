// Object mothers of the end-to-end test: one worker, one employer, one vacancy that match.
import type { WorkerProfile } from '@ketnoi/contracts';

/** Today in Vietnam (UTC+7), YYYY-MM-DD, moved by `days`. */
export const vietnamDay = (days = 0): string => new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

/** A job seeker as a registration desk submits them on ingest.workers.v1 (citizen-ID consistent with birth date and gender). */
export const aWorkerProfile = (email: string): WorkerProfile => ({
  fullName: 'Hoàng Thị Thu Hà',
  citizenId: '019198123456',
  dateOfBirth: '1998-03-14',
  gender: 'female',
  ethnicity: '02',
  phone: '0912 345 678',
  email,
  address: { communeCode: '01840', detail: 'Tổ 5' },
  householdStatus: 'near-poor',
  disability: false,
  generalEducation: 'upper-secondary',
  qualification: 'intermediate',
  certificates: [{ code: 'cert-forklift', issuer: 'Trường Cao đẳng Công nghiệp Thái Nguyên' }],
  skills: [
    { code: 'electronics-assembly', level: 3 },
    { code: 'smt-operation', level: 2 },
  ],
  languages: [{ code: 'ko', level: 'TOPIK2' }],
  desiredOccupations: ['8212'],
  workHistory: [{ occupationCode: '8212', employer: 'Samsung Electronics Việt Nam Thái Nguyên', from: '2019-06-01', to: '2023-06-01' }],
  expectedWageVnd: 8_500_000,
  maxCommuteKm: 30,
  willingToRelocate: false,
  shifts: ['day', 'rotating'],
  employmentStatus: 'unemployed',
  unemploymentInsurance: true,
  socialInsurance: true,
  preferredLanguage: 'vi',
  notificationChannels: { sms: true, email: true, inApp: true },
  consents: { matching: true, notifications: true, shareProfile: false, channel: 'desk' },
});

export const anEmployer = {
  taxCode: '4601900027',
  name: 'Công ty TNHH Điện tử Minh Long',
  vsicSector: 'C2610',
  fdi: true,
  investorCountry: 'KR',
  industrialParkCode: 'yen-binh',
  address: { communeCode: '05890', street: 'Lô CN-05, KCN Yên Bình' },
  contacts: [{ name: 'Nguyễn Thị Lan', role: 'HR', email: 'hr@minhlong.example' }],
};

/** One position: the first hire fills it and closes the vacancy. */
export const aVacancy = () => ({
  title: 'Công nhân lắp ráp linh kiện điện tử',
  description: 'Lắp ráp bo mạch trên dây chuyền SMT, làm việc theo ca.',
  occupationCode: '8212',
  positions: 1,
  skills: [{ code: 'smt-operation', mustHave: true, weight: 0.8 }],
  certificates: [],
  minQualification: 'elementary',
  languages: [{ code: 'ko', minLevel: 'TOPIK2', required: false }],
  communeCode: '05860',
  wageMinVnd: 7_500_000,
  wageMaxVnd: 10_000_000,
  wagePeriod: 'month',
  shifts: ['day', 'rotating'],
  contractType: 'fixed-term',
  contractMonths: 12,
  startDate: vietnamDay(20),
  housingOffered: true,
  shuttleOffered: true,
  welcomedGroups: ['disability'],
  minExperienceYears: 0,
  deadline: vietnamDay(14),
});
