import type { WorkerSnapshot } from '@ketnoi/contracts';
import { ageBandOf } from './age-band.js';
import { vietnamDayOf } from './local-day.js';
import type { WorkerProjection } from './projections.js';

/** The projection after a worker snapshot, or 'duplicate' when this version (or a later one) was applied. */
export function applyWorkerSnapshot(current: WorkerProjection | undefined, snapshot: WorkerSnapshot): WorkerProjection | 'duplicate' {
  if (current && current.version >= snapshot.version) return 'duplicate';
  return {
    _id: snapshot.workerId,
    version: snapshot.version,
    erased: false,
    status: snapshot.status,
    employmentStatus: snapshot.employmentStatus,
    occupations: [...snapshot.desiredOccupations],
    communeCode: snapshot.communeCode,
    ...(snapshot.formerDistrictCode === undefined ? {} : { formerDistrictCode: snapshot.formerDistrictCode }),
    qualification: snapshot.qualification,
    gender: snapshot.gender,
    priority: { ...snapshot.priority },
    birthMonth: snapshot.birthMonth,
    registeredDay: vietnamDayOf(new Date(snapshot.registeredAt)),
    skills: [...new Set(snapshot.skills.map((s) => s.code))].sort(),
  };
}

/**
 * The projection after an erasure: it keeps only the coarse attributes the
 * counts need (the age band at erasure instead of the birth month; no skills). An erasure of a worker never seen leaves nothing to count.
 */
export function applyWorkerErased(
  current: WorkerProjection | undefined,
  erased: { workerId: string; version: number; erasedAt: string },
): WorkerProjection | 'duplicate' | 'unknown' {
  if (!current) return 'unknown';
  if (current.version >= erased.version) return 'duplicate';
  const { birthMonth, skills: _skills, ...kept } = current;
  const ageBand = current.erased ? current.ageBand : ageBandOf(birthMonth, vietnamDayOf(new Date(erased.erasedAt)));
  return { ...kept, version: erased.version, erased: true, ...(ageBand === undefined ? {} : { ageBand }) };
}
