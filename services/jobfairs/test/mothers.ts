import type { MatchScored, VacancySnapshot, WorkerSnapshot } from '@ketnoi/contracts';
import type { BoothState, InterviewState, PriorityGroups, RegistrationState } from '../src/domain/model.js';

export const noPriority: PriorityGroups = {
  poorHousehold: false,
  nearPoorHousehold: false,
  recentlyOutOfPoverty: false,
  ethnicMinority: false,
  disability: false,
  backFromAbroad: false,
  demobilised: false,
  youth: false,
};

/** A looking, consenting worker from Phan Đình Phùng, as registration publishes them on workers.v1. */
export const aWorker = (overrides: Partial<WorkerSnapshot> = {}): WorkerSnapshot => ({
  workerId: 'worker-0001',
  version: 1,
  status: 'looking',
  employmentStatus: 'unemployed',
  consentToMatching: true,
  birthMonth: '1998-03',
  gender: 'female',
  communeCode: '05443',
  desiredOccupations: ['8212'],
  skills: [{ code: 'soldering', level: 3 }],
  certificates: [],
  qualification: 'intermediate',
  languages: [{ code: 'vi' }],
  experienceYears: 3,
  willingToRelocate: false,
  shifts: ['day'],
  priority: noPriority,
  registeredAt: '2026-01-05T08:00:00.000Z',
  ...overrides,
});

/** An open vacancy as vacancy-intake publishes it on vacancies.v1. */
export const aVacancy = (overrides: Partial<Omit<VacancySnapshot, 'terms'>> = {}, title = 'Công nhân lắp ráp điện tử'): VacancySnapshot => ({
  vacancyId: 'vacancy-0001',
  version: 1,
  employerId: 'employer-0001',
  status: 'open',
  positionsFilled: 0,
  fdi: true,
  vsicSector: 'C26',
  openedAt: '2026-10-01T08:00:00.000Z',
  updatedAt: '2026-10-01T08:00:00.000Z',
  ...overrides,
  terms: {
    title,
    occupationCode: '8212',
    positions: 20,
    skills: [],
    certificates: [],
    minQualification: 'elementary',
    languages: [],
    communeCode: '05443',
    wageMinVnd: 7_000_000,
    wageMaxVnd: 10_000_000,
    wagePeriod: 'month',
    shifts: ['day'],
    housingOffered: false,
    shuttleOffered: true,
    welcomedGroups: [],
    minExperienceYears: 0,
    deadline: '2026-12-31',
  },
});

/** A match as matching publishes it on matches.v1. */
export const aMatch = (vacancyId: string, workerId: string, score: number, rank: number, at = '2026-11-20T08:00:00.000Z'): MatchScored => ({
  matchId: `${vacancyId}:${workerId}`,
  vacancyId,
  workerId,
  score,
  rank,
  scoringVersion: 'scoring-v1.0',
  factors: [{ factor: 'occupation', value: 1, weight: 0.3, contribution: 0.3 }],
  boost: { groups: [], amount: 0 },
  at,
});

export const aBooth = (overrides: Partial<BoothState> = {}): BoothState => ({
  boothId: 'booth-0001',
  fairId: 'fair-0001',
  employerId: 'employer-0001',
  employerName: 'Samsung Electronics Việt Nam Thái Nguyên',
  label: 'A1',
  vacancyIds: ['vacancy-0001'],
  registeredAt: '2026-11-20T08:00:00.000Z',
  ...overrides,
});

export const aRegistration = (workerId: string, overrides: Partial<RegistrationState> = {}): RegistrationState => ({
  registrationId: `reg-${workerId}`,
  fairId: 'fair-0001',
  workerId,
  channel: 'staff',
  seat: 1,
  priority: noPriority,
  consentShared: false,
  registeredAt: '2026-11-20T08:00:00.000Z',
  ...overrides,
});

export const anInterview = (workerId: string, overrides: Partial<InterviewState> = {}): InterviewState => ({
  interviewId: `iv-${workerId}`,
  fairId: 'fair-0001',
  slotId: `slot-${workerId}`,
  boothId: 'booth-0001',
  boothLabel: 'A1',
  employerId: 'employer-0001',
  employerName: 'Samsung Electronics Việt Nam Thái Nguyên',
  registrationId: `reg-${workerId}`,
  workerId,
  vacancyId: 'vacancy-0001',
  vacancyTitle: 'Công nhân lắp ráp điện tử',
  startsAt: '2026-12-05T02:00:00.000Z',
  endsAt: '2026-12-05T02:20:00.000Z',
  mode: 'in-person',
  status: 'scheduled',
  claimIds: [],
  bookedAt: '2026-11-20T08:00:00.000Z',
  ...overrides,
});
