import type { EmployerSnapshot, VacancySnapshot, WorkerContact } from '@ketnoi/contracts';
import type { Contact, JobSummary } from '../src/domain/types.js';

export const aContact = (overrides: Partial<Contact> = {}): Contact => ({
  workerId: 'wrk_test01',
  version: 1,
  phone: '+84912345678',
  email: 'lan@example.vn',
  language: 'vi',
  channels: { sms: true, email: true, inApp: true },
  consent: true,
  erased: false,
  ...overrides,
});

export const aJob = (overrides: Partial<JobSummary> = {}): JobSummary => ({
  vacancyId: 'vac_test01',
  title: 'Công nhân lắp ráp điện tử',
  employerName: 'Công ty TNHH Samsung Electronics Việt Nam Thái Nguyên',
  wageMinVnd: 7_000_000,
  wageMaxVnd: 9_000_000,
  wagePeriod: 'month',
  communeCode: '06025',
  placeName: 'Phổ Yên',
  placeKind: 'ward',
  deadline: '2026-12-31',
  ...overrides,
});

export const aWorkerContact = (overrides: Partial<WorkerContact> = {}): WorkerContact => ({
  workerId: 'wrk_test01',
  version: 1,
  fullName: 'Nguyễn Thị Lan',
  phone: '+84912345678',
  email: 'lan@example.vn',
  preferredLanguage: 'vi',
  channels: { sms: true, email: true, inApp: true },
  consentToNotifications: true,
  updatedAt: '2026-11-20T03:00:00.000Z',
  ...overrides,
});

export const anEmployer = (overrides: Partial<EmployerSnapshot> = {}): EmployerSnapshot => ({
  employerId: 'emp_test01',
  version: 1,
  taxCode: '4601234567',
  name: 'Công ty TNHH Điện tử Phổ Yên',
  vsicSector: 'C',
  fdi: true,
  communeCode: '06025',
  status: 'active',
  updatedAt: '2026-11-20T03:00:00.000Z',
  ...overrides,
});

export const aVacancy = (overrides: Partial<VacancySnapshot> = {}): VacancySnapshot => ({
  vacancyId: 'vac_test01',
  version: 1,
  employerId: 'emp_test01',
  status: 'open',
  positionsFilled: 0,
  fdi: true,
  vsicSector: 'C',
  openedAt: '2026-11-20T03:00:00.000Z',
  updatedAt: '2026-11-20T03:00:00.000Z',
  ...overrides,
  terms: {
    title: 'Công nhân lắp ráp điện tử',
    occupationCode: '8212',
    positions: 50,
    skills: [],
    certificates: [],
    minQualification: 'none',
    languages: [],
    communeCode: '06025',
    wageMinVnd: 7_000_000,
    wageMaxVnd: 9_000_000,
    wagePeriod: 'month',
    shifts: ['day'],
    housingOffered: false,
    shuttleOffered: true,
    welcomedGroups: [],
    minExperienceYears: 0,
    deadline: '2026-12-31',
    ...overrides.terms,
  },
});

/** A `match.proposed` event as the consumer's handler gets it (id `evt-<matchId>`), for vacancy `vac_test01`. */
export const aMatchProposed = (matchId: string, workerId: string) => ({
  id: `evt-${matchId}`,
  type: 'match.proposed' as const,
  data: { matchId, vacancyId: 'vac_test01', workerId, score: 0.8, rank: 1, scoringVersion: 'v1', factors: [], boost: { groups: [], amount: 0 }, at: new Date().toISOString() },
});
