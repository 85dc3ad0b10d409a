import type { VacancySnapshot, WorkerSnapshot } from '@ketnoi/contracts';
import { referenceData } from '@ketnoi/reference-data';
import { ReferenceTables } from '../src/domain/reference-tables.js';

let tables: ReferenceTables | undefined;
/** Built once per test file: the matrices take a moment. */
export const testTables = (): ReferenceTables => (tables ??= new ReferenceTables(referenceData));

/** A welder from Phan Đình Phùng, 30, looking and consenting, no priority group. */
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
  skills: [{ code: 'welding', level: 3 }],
  certificates: [],
  qualification: 'intermediate',
  languages: [{ code: 'vi' }],
  experienceYears: 4,
  expectedWageVnd: 9_000_000,
  maxCommuteKm: 30,
  willingToRelocate: false,
  shifts: ['day'],
  priority: {
    poorHousehold: false,
    nearPoorHousehold: false,
    recentlyOutOfPoverty: false,
    ethnicMinority: false,
    disability: false,
    backFromAbroad: false,
    demobilised: false,
    youth: false,
  },
  registeredAt: '2026-01-05T08:00:00.000Z',
  ...overrides,
});

type Terms = VacancySnapshot['terms'];

/** A welder vacancy in Phan Đình Phùng, open, welding nice-to-have. */
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
    skills: [{ code: 'welding', mustHave: false, weight: 1 }],
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
    minExperienceYears: 2,
    deadline: '2026-12-31',
    ...terms,
  },
});
