import type { MatchScored, Placement, VacancySnapshot, WorkerSnapshot } from '@ketnoi/contracts';
import type { PlacementProjection, VacancyProjection, WorkerProjection } from '../src/domain/projections.js';

const NO_PRIORITY: WorkerSnapshot['priority'] = {
  poorHousehold: false,
  nearPoorHousehold: false,
  recentlyOutOfPoverty: false,
  ethnicMinority: false,
  disability: false,
  backFromAbroad: false,
  demobilised: false,
  youth: false,
};

/** A welder (ISCO 7212) from commune 05443, looking, no priority group. */
export const aWorker = (overrides: Partial<WorkerSnapshot> = {}): WorkerSnapshot => ({
  workerId: 'worker-0001',
  version: 1,
  status: 'looking',
  employmentStatus: 'unemployed',
  consentToMatching: true,
  birthMonth: '1996-03',
  gender: 'male',
  communeCode: '05443',
  desiredOccupations: ['7212'],
  skills: [],
  certificates: [],
  qualification: 'intermediate',
  languages: [],
  experienceYears: 4,
  willingToRelocate: false,
  shifts: ['day'],
  priority: NO_PRIORITY,
  registeredAt: '2026-01-05T08:00:00.000Z',
  ...overrides,
});

type Terms = VacancySnapshot['terms'];

/** An open welder vacancy (ISCO 7212) for 5 people in commune 05443. */
export const aVacancy = (overrides: Partial<Omit<VacancySnapshot, 'terms'>> = {}, terms: Partial<Terms> = {}): VacancySnapshot => ({
  vacancyId: 'vacancy-0001',
  version: 1,
  employerId: 'employer-0001',
  status: 'open',
  positionsFilled: 0,
  fdi: false,
  vsicSector: 'C25',
  openedAt: '2026-02-01T08:00:00.000Z',
  updatedAt: '2026-02-01T08:00:00.000Z',
  ...overrides,
  terms: {
    title: 'Thợ hàn',
    occupationCode: '7212',
    positions: 5,
    skills: [],
    certificates: [],
    minQualification: 'intermediate',
    languages: [],
    communeCode: '05443',
    wageMinVnd: 8_000_000,
    wageMaxVnd: 12_000_000,
    wagePeriod: 'month',
    shifts: ['day'],
    housingOffered: false,
    shuttleOffered: false,
    welcomedGroups: [],
    minExperienceYears: 0,
    deadline: '2026-12-31',
    ...terms,
  },
});

/** A looking welder's projection in commune 05443. */
export const aWorkerProjection = (overrides: Partial<WorkerProjection> = {}): WorkerProjection => ({
  _id: 'worker-0001',
  version: 1,
  erased: false,
  status: 'looking',
  employmentStatus: 'unemployed',
  occupations: ['7212'],
  communeCode: '05443',
  qualification: 'intermediate',
  gender: 'male',
  priority: NO_PRIORITY,
  ...overrides,
});

/** An open welder vacancy's projection: 5 positions in commune 05443. */
export const aVacancyProjection = (overrides: Partial<VacancyProjection> = {}): VacancyProjection => ({
  _id: 'vacancy-0001',
  version: 1,
  status: 'open',
  occupationCode: '7212',
  communeCode: '05443',
  positions: 5,
  positionsFilled: 0,
  minQualification: 'intermediate',
  fdi: false,
  vsicSector: 'C25',
  ...overrides,
});

/** A hire of worker-0001 into vacancy-0001. */
export const aPlacement = (overrides: Partial<Placement> = {}): Placement => ({
  placementId: 'placement-0001',
  version: 1,
  vacancyId: 'vacancy-0001',
  workerId: 'worker-0001',
  employerId: 'employer-0001',
  hiredAt: '2026-03-01T08:00:00.000Z',
  ...overrides,
});

/** A hire's projection into vacancy-0001. */
export const aPlacementProjection = (overrides: Partial<PlacementProjection> = {}): PlacementProjection => ({
  _id: 'placement-0001',
  version: 1,
  vacancyId: 'vacancy-0001',
  hiredAt: '2026-03-01T08:00:00.000Z',
  ...overrides,
});

/** Projections by `_id`, as the service keeps them. */
export const byId = <T extends { _id: string }>(docs: readonly T[]): Map<string, T> => new Map(docs.map((doc) => [doc._id, doc]));

/** worker-0001 proposed for vacancy-0001. */
export const aMatch = (overrides: Partial<MatchScored> = {}): MatchScored => ({
  matchId: 'vacancy-0001:worker-0001',
  vacancyId: 'vacancy-0001',
  workerId: 'worker-0001',
  score: 0.8,
  rank: 1,
  scoringVersion: 'v1',
  factors: [],
  boost: { groups: [], amount: 0 },
  at: '2026-03-01T08:00:00.000Z',
  ...overrides,
});

/** Workers counted one by one, as the cube would weigh them. */
export const weighed = (workers: readonly WorkerProjection[]) => workers.map((worker) => ({ worker, count: 1 }));

/** Reference areas without the reference data: former district = the commune's first three digits. */
export const testAreas = { provinceCode: '19', formerDistrictOf: (commune: string) => commune.slice(0, 3) };
