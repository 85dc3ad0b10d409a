import type { EmployerSnapshot, MatchScored, Placement, VacancySnapshot, WorkerSnapshot } from '@ketnoi/contracts';
import { aMatch, aPlacement, aVacancy, aWorker } from './mothers.js';

/**
 * A scripted event history over ten quarters (2024-Q1 … 2026-Q2): workers
 * registering, vacancies opening and closing, matches, hires, notifications,
 * employers, and one erasure — small enough for FerretDB, varied enough that
 * every number the tests check depends on several events.
 */
const QUARTER_STARTS = ['2024-01', '2024-04', '2024-07', '2024-10', '2025-01', '2025-04', '2025-07', '2025-10', '2026-01', '2026-04'];
const at = (quarter: number, day: number) => `${QUARTER_STARTS[quarter]}-${String(10 + (day % 15)).padStart(2, '0')}T02:00:00.000Z`;
const COMMUNES = ['05443', '05500'];
const OCCUPATIONS = ['7212', '8160', '2211', '7233'];
const NO_GROUP = aWorker().priority;

export const historyWorkers: WorkerSnapshot[] = Array.from({ length: 20 }, (_, i) =>
  aWorker({
    workerId: `hist-worker-${String(i).padStart(2, '0')}`,
    status: i % 5 === 4 ? 'placed' : i % 7 === 6 ? 'not-looking' : 'looking',
    gender: i % 2 === 0 ? 'female' : 'male',
    birthMonth: i % 3 === 0 ? '2004-02' : '1985-07',
    communeCode: COMMUNES[i % 2] ?? '05443',
    desiredOccupations: [OCCUPATIONS[i % 4] ?? '7212'],
    skills: i % 2 === 0 ? [{ code: 'welding', level: 2 }] : [],
    priority: { ...NO_GROUP, ethnicMinority: i % 4 === 1 },
    registeredAt: at(i % 10, i),
  }),
);

export const historyEmployers: EmployerSnapshot[] = [0, 1, 2].map((i) => ({
  employerId: `hist-employer-${i}`,
  version: 1,
  taxCode: `010000000${i}`,
  name: `Công ty ${i}`,
  vsicSector: i === 0 ? 'C26' : 'F41',
  fdi: i === 0,
  communeCode: '05443',
  status: 'active',
  updatedAt: '2024-01-02T00:00:00.000Z',
}));

/** Twelve vacancies, one or two a quarter; every third is filled, one expired. */
export const historyVacancies: VacancySnapshot[] = Array.from({ length: 12 }, (_, i) => {
  const quarter = i % 10;
  const status = i % 3 === 2 ? 'filled' : i === 4 ? 'expired' : 'open';
  return aVacancy(
    {
      vacancyId: `hist-vacancy-${String(i).padStart(2, '0')}`,
      employerId: `hist-employer-${i % 3}`,
      status,
      positionsFilled: status === 'filled' ? 2 + (i % 4) : i % 2,
      fdi: i % 3 === 0,
      vsicSector: i % 3 === 0 ? 'C26' : 'F41',
      openedAt: at(quarter, i),
      updatedAt: status === 'open' ? at(quarter, i) : at(quarter, i + 5),
    },
    {
      occupationCode: OCCUPATIONS[i % 3] ?? '7212',
      communeCode: COMMUNES[i % 2] ?? '05443',
      positions: 2 + (i % 4),
      skills: i % 2 === 0 ? [{ code: 'welding', mustHave: true, weight: 1 }, { code: 'forklift', mustHave: false, weight: 0.5 }] : [],
    },
  );
});

export const historyPlacements: Placement[] = historyWorkers
  .filter((w) => w.status === 'placed')
  .map((w, i) =>
    aPlacement({
      placementId: `hist-placement-${i}`,
      workerId: w.workerId,
      vacancyId: historyVacancies[(i * 3 + 2) % 12]?.vacancyId ?? 'hist-vacancy-02',
      employerId: 'hist-employer-2',
      hiredAt: at(9, i),
    }),
  );

export const historyMatches: MatchScored[] = historyWorkers.slice(0, 10).map((w, i) =>
  aMatch({
    matchId: `${historyVacancies[i % 12]?.vacancyId}:${w.workerId}`,
    vacancyId: historyVacancies[i % 12]?.vacancyId ?? 'hist-vacancy-00',
    workerId: w.workerId,
    at: at(9, i),
  }),
);

/** The worker erased at the end: a female 15–24 job seeker with a match. */
export const erasedWorker = historyWorkers[0] as WorkerSnapshot;
