import type { placementsTopic } from '@ketnoi/contracts';
import type { BatchEventHandler } from '@ketnoi/messaging';
import type { Applied, MatchingService } from '../use-cases/matching-service.js';
import { outcomesOf } from './outcomes.js';

/** placements.v1, a batch at a time: a hired worker's matches are withdrawn (reason placed). Candidate outcomes do not change matching. */
export const withdrawOnPlacementRecorded =
  (service: () => MatchingService): BatchEventHandler<typeof placementsTopic> =>
  async (items, context) => {
    const hires = items.flatMap(({ event }) => (event.type === 'placement.recorded' ? [event.data] : []));
    const applied = await service().applyBatch(hires.map((placement) => ({ kind: 'placement', placement })));
    const byPlacement = new Map(hires.map((hire, i) => [hire, applied[i]!]));
    const outcomes = items.map(({ event }): Applied => (event.type === 'placement.recorded' ? byPlacement.get(event.data)! : 'duplicate'));
    for (const [hire, outcome] of byPlacement) {
      const { placementId, workerId, vacancyId, version } = hire;
      context.log.info({ placementId, workerId, vacancyId, version, outcome }, 'placement applied');
    }
    return outcomesOf(outcomes, context.log, 'placement events applied');
  };
