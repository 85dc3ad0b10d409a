import type { Placement } from '@ketnoi/contracts';
import type { PlacementProjection } from './projections.js';

/**
 * The projection after a recorded hire, or 'duplicate' when this version (or
 * a later one) was applied. `traits` are given instead of the worker id when
 * the worker is already erased.
 */
export function applyPlacement(
  current: PlacementProjection | undefined,
  placement: Placement,
  erasedTraits?: string[],
): PlacementProjection | 'duplicate' {
  if (current && current.version >= placement.version) return 'duplicate';
  const who = erasedTraits ? { traits: erasedTraits } : { workerId: placement.workerId };
  return { _id: placement.placementId, version: placement.version, vacancyId: placement.vacancyId, hiredAt: placement.hiredAt, ...who };
}
