import type { matchesTopic } from '@ketnoi/contracts';
import type { EventHandler } from '@ketnoi/messaging';
import type { Projections } from '../use-cases/projections.js';

/** matches.v1: count each proposed match once (by matchId); updates and withdrawals do not change the count. */
export const countOnMatchProposed =
  (projections: () => Projections): EventHandler<typeof matchesTopic> =>
  async (event, context) => {
    if (event.type !== 'match.proposed') return undefined;
    const outcome = await projections().applyMatchProposed(event.data);
    context.log.debug({ matchId: event.data.matchId, vacancyId: event.data.vacancyId, outcome }, 'match projected');
    return outcome === 'duplicate' ? 'duplicate' : undefined;
  };
