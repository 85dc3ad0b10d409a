import type { WorkerSnapshot } from '@ketnoi/contracts';
import { monthIndex } from './age.js';
import { languageKey, NO_LIMIT, WORKER_FLAGS, type MatchWorker } from './model.js';
import { priorityMask } from './priority-groups.js';
import type { ReferenceTables } from './reference-tables.js';

const unique = (ids: number[]): number[] => [...new Set(ids)].sort((a, b) => a - b);

/** The scorer's form of a worker snapshot; `placed` when a hire was recorded after this version. */
export function compileWorker(snapshot: WorkerSnapshot, tables: ReferenceTables, placed = false): MatchWorker {
  const flags =
    (snapshot.status === 'looking' ? WORKER_FLAGS.looking : 0) |
    (snapshot.consentToMatching ? WORKER_FLAGS.consent : 0) |
    (placed || snapshot.status === 'placed' ? WORKER_FLAGS.placed : 0) |
    (snapshot.willingToRelocate ? WORKER_FLAGS.relocate : 0);
  const occupations = unique(snapshot.desiredOccupations.map((code) => tables.occupations.intern(code)));
  const skills = unique(snapshot.skills.map((s) => tables.skills.intern(s.code)));
  const certificates = unique(snapshot.certificates.map((code) => tables.skills.intern(code)));
  const languages = unique(snapshot.languages.map((l) => languageKey(tables.languages.intern(l.code), tables.levels.intern(l.level ?? ''))));
  return {
    id: snapshot.workerId,
    flags,
    birthMonth: monthIndex(snapshot.birthMonth),
    place: tables.places.intern(snapshot.communeCode),
    qualification: tables.qualifications.intern(snapshot.qualification),
    experienceTenths: Math.round(snapshot.experienceYears * 10),
    expectedWageK: Math.round((snapshot.expectedWageVnd ?? 0) / 1000),
    maxCommuteTenths: snapshot.maxCommuteKm === undefined ? NO_LIMIT : Math.round(snapshot.maxCommuteKm * 10),
    priority: priorityMask(snapshot.priority),
    lists: Uint16Array.from([...occupations, ...skills, ...certificates, ...languages]),
    at: 0,
    nOccupations: occupations.length,
    nSkills: skills.length,
    nCertificates: certificates.length,
    nLanguages: languages.length,
  };
}
