import type { Placement } from '@ketnoi/contracts';
import type { PlacementProjection } from './projections.js';

/** The projection after a recorded hire, or 'duplicate' when this version (or a later one) was applied. */
export function applyPlacement(current: PlacementProjection | undefined, placement: Placement): PlacementProjection | 'duplicate' {
  if (current && current.version >= placement.version) return 'duplicate';
  return { _id: placement.placementId, version: placement.version, vacancyId: placement.vacancyId, hiredAt: placement.hiredAt };
}
