import type { placementsTopic } from '@ketnoi/contracts';
import type { EventHandler } from '@ketnoi/messaging';
import type { Projections } from '../use-cases/projections.js';

/** placements.v1: keep each hire once (by version); candidates' outcomes are not counted. */
export const countOnPlacementRecorded =
  (projections: () => Projections): EventHandler<typeof placementsTopic> =>
  async (event, context) => {
    if (event.type !== 'placement.recorded') return undefined;
    const { placementId, vacancyId, version } = event.data;
    const outcome = await projections().applyPlacement(event.data);
    context.log.debug({ placementId, vacancyId, version, outcome }, 'placement projected');
    return outcome === 'duplicate' ? 'duplicate' : undefined;
  };
