import type { matchesTopic } from '@ketnoi/contracts';
import type { EventHandler } from '@ketnoi/messaging';
import type { Projections } from '../repositories/projections.js';

/** matches.v1: keep each vacancy's current matches with score and factors; a withdrawn match is dropped. */
export const projectOnMatchEvent =
  (projections: () => Projections): EventHandler<typeof matchesTopic> =>
  async (event, context) => {
    const m = event.data;
    const applied =
      event.type === 'match.withdrawn'
        ? await projections().withdrawMatch(event.data, context.partition, context.offset)
        : await projections().putMatch(event.data, context.partition, context.offset);
    context.log.debug({ vacancyId: m.vacancyId, type: event.type, applied }, 'match projected');
    return applied ? undefined : 'duplicate';
  };
