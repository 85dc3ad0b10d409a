import type { VacancySnapshot } from '@ketnoi/contracts';
import type { VacancyProjection } from './projections.js';

/** The projection after a vacancy snapshot, or 'duplicate' when this version (or a later one) was applied. */
export function applyVacancySnapshot(current: VacancyProjection | undefined, snapshot: VacancySnapshot): VacancyProjection | 'duplicate' {
  if (current && current.version >= snapshot.version) return 'duplicate';
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
  };
}
