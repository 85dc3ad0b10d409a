import type { VacancySnapshot } from '@ketnoi/contracts';
import type { VacancyProjection } from './projections.js';

const CLOSED = new Set<VacancySnapshot['status']>(['filled', 'expired', 'withdrawn']);

/** The projection after a vacancy snapshot, or 'duplicate' when this version (or a later one) was applied. */
export function applyVacancySnapshot(current: VacancyProjection | undefined, snapshot: VacancySnapshot): VacancyProjection | 'duplicate' {
  if (current && current.version >= snapshot.version) return 'duplicate';
  // The first closure counts (time to fill); a reopened vacancy is open again and closes anew.
  const closedAt = CLOSED.has(snapshot.status) ? (current?.closedAt ?? snapshot.updatedAt) : undefined;
  return {
    _id: snapshot.vacancyId,
    version: snapshot.version,
    status: snapshot.status,
    occupationCode: snapshot.terms.occupationCode,
    communeCode: snapshot.terms.communeCode,
    positions: snapshot.terms.positions,
    positionsFilled: snapshot.positionsFilled,
    minQualification: snapshot.terms.minQualification,
    fdi: snapshot.fdi,
    vsicSector: snapshot.vsicSector,
    employerId: snapshot.employerId,
    openedAt: snapshot.openedAt,
    ...(closedAt === undefined ? {} : { closedAt }),
    skills: [...new Set(snapshot.terms.skills.map((s) => s.code))].sort(),
  };
}
