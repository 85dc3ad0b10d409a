import type { placementsTopic } from '@ketnoi/contracts';
import type { EventHandler } from '@ketnoi/messaging';
import type { MatchingService } from '../use-cases/matching-service.js';

/** placements.v1: a hired worker's matches are withdrawn (reason placed). Candidate outcomes do not change matching. */
export const withdrawOnPlacementRecorded =
  (service: () => MatchingService): EventHandler<typeof placementsTopic> =>
  async (event, context) => {
    if (event.type !== 'placement.recorded') return 'duplicate';
    const { placementId, workerId, vacancyId, version } = event.data;
    const outcome = await service().applyPlacement(event.data);
    context.log.info({ placementId, workerId, vacancyId, version, outcome }, 'placement applied');
    return outcome === 'duplicate' ? 'duplicate' : undefined;
  };
