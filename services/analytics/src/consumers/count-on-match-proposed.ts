import type { matchesTopic } from '@ketnoi/contracts';
import type { BatchEventHandler, EventHandler } from '@ketnoi/messaging';
import { projectBatch } from './project-batch.js';
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

/** The same for a batch: its proposals written together. */
export const countOnMatchBatch = (projections: () => Projections): BatchEventHandler<typeof matchesTopic> =>
  projectBatch(projections, (event) => (event.type === 'match.proposed' ? { kind: 'match', match: event.data } : undefined), 'match');
