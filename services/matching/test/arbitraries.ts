import type { VacancySnapshot, WorkerSnapshot } from '@ketnoi/contracts';
import fc from 'fast-check';
import { aVacancy, aWorker } from './mothers.js';

/** Few codes, so that ties, shared occupations and near-misses are common. */
const occupations = ['7212', '7213', '7222', '8121', '8153', '72', '2512'];
const skills = ['welding', 'metalwork', 'electronics', 'electronics-assembly', 'garment', 'driving'];
const places = ['05443', '05518', '01864', 'yen-binh'];
const qualifications = ['none', 'elementary', 'intermediate', 'college'] as const;
const flag = fc.boolean();

export const workerIds = ['w-000001', 'w-000002', 'w-000003', 'w-000004', 'w-000005', 'w-000006', 'w-000007', 'w-000008', 'w-000009'];
export const vacancyIds = ['v-000001', 'v-000002', 'v-000003', 'v-000004', 'v-000005'];

export const workerSnapshot: fc.Arbitrary<WorkerSnapshot> = fc
  .record({
    workerId: fc.constantFrom(...workerIds),
    status: fc.constantFrom('looking', 'looking', 'looking', 'looking', 'looking', 'looking', 'not-looking', 'placed'),
    consent: fc.constantFrom(true, true, true, true, true, true, false),
    birthYear: fc.constantFrom(1980, 1995, 1999, 2009),
    place: fc.constantFrom(...places),
    occupations: fc.uniqueArray(fc.constantFrom(...occupations), { maxLength: 2 }),
    skills: fc.uniqueArray(fc.constantFrom(...skills), { maxLength: 3 }),
    qualification: fc.constantFrom(...qualifications),
    experience: fc.constantFrom(0, 1, 3),
    wage: fc.constantFrom(undefined, 8_000_000, 14_000_000),
    licence: fc.constantFrom(undefined, undefined, 'driving-licence-b', 'driving-licence-c'),
    korean: fc.constantFrom(undefined, undefined, 'TOPIK2', 'TOPIK4'),
    relocate: flag,
    // Short limits put some places out of reach: then moving, with housing or without, decides the location factor.
    commute: fc.constantFrom(30, 30, 5, 1),
    poor: flag,
  })
  .map((r) =>
    aWorker({
      workerId: r.workerId,
      status: r.status,
      consentToMatching: r.consent,
      birthMonth: `${r.birthYear}-06`,
      communeCode: r.place === 'yen-binh' ? '05890' : r.place,
      desiredOccupations: r.occupations,
      skills: r.skills.map((code) => ({ code, level: 3 })),
      qualification: r.qualification,
      experienceYears: r.experience,
      expectedWageVnd: r.wage,
      certificates: r.licence ? [r.licence] : [],
      languages: [{ code: 'vi' }, ...(r.korean ? [{ code: 'ko' as const, level: r.korean }] : [])],
      willingToRelocate: r.relocate,
      maxCommuteKm: r.commute,
      priority: { ...aWorker().priority, poorHousehold: r.poor },
    }),
  );

export const vacancySnapshot: fc.Arbitrary<VacancySnapshot> = fc
  .record({
    vacancyId: fc.constantFrom(...vacancyIds),
    open: fc.constantFrom(true, true, true, true, true, false),
    occupation: fc.constantFrom(...occupations.filter((c) => c.length === 4)),
    skills: fc.uniqueArray(fc.record({ code: fc.constantFrom(...skills), mustHave: fc.constantFrom(false, false, false, true), weight: fc.constantFrom(0, 0.5, 1) }), {
      maxLength: 2,
      selector: (s) => s.code,
    }),
    place: fc.constantFrom(...places),
    qualification: fc.constantFrom(...qualifications),
    night: fc.constantFrom(false, false, false, true),
    welcomesPoor: flag,
    licence: fc.constantFrom(undefined, undefined, undefined, 'driving-licence-b'),
    korean: fc.constantFrom(undefined, undefined, undefined, true, false),
    housing: fc.constantFrom(false, false, true),
  })
  .map((r) =>
    aVacancy(
      { vacancyId: r.vacancyId, status: r.open ? 'open' : 'paused' },
      {
        occupationCode: r.occupation,
        skills: r.skills,
        communeCode: r.place === 'yen-binh' ? '05890' : r.place,
        industrialParkCode: r.place === 'yen-binh' ? 'yen-binh' : undefined,
        minQualification: r.qualification,
        shifts: r.night ? ['night'] : ['day'],
        welcomedGroups: r.welcomesPoor ? ['poorHousehold'] : [],
        certificates: r.licence ? [r.licence] : [],
        languages: r.korean === undefined ? [] : [{ code: 'ko', minLevel: 'TOPIK3', required: r.korean }],
        housingOffered: r.housing,
      },
    ),
  );

export type MatchingEvent =
  | { kind: 'worker'; snapshot: WorkerSnapshot }
  | { kind: 'vacancy'; snapshot: VacancySnapshot }
  | { kind: 'worker-gone'; id: string }
  | { kind: 'vacancy-gone'; id: string };

export const matchingEvent: fc.Arbitrary<MatchingEvent> = fc.oneof(
  { weight: 5, arbitrary: workerSnapshot.map((snapshot) => ({ kind: 'worker' as const, snapshot })) },
  { weight: 3, arbitrary: vacancySnapshot.map((snapshot) => ({ kind: 'vacancy' as const, snapshot })) },
  { weight: 1, arbitrary: fc.constantFrom(...workerIds).map((id) => ({ kind: 'worker-gone' as const, id })) },
  { weight: 1, arbitrary: fc.constantFrom(...vacancyIds).map((id) => ({ kind: 'vacancy-gone' as const, id })) },
);
