import type { matchesTopic } from '@ketnoi/contracts';
import type { EventHandler } from '@ketnoi/messaging';
import type { NotificationDeps } from '../use-cases/deps.js';
import { notifyMatch } from '../use-cases/notify-match.js';
import { offerCandidate } from '../use-cases/offer-candidate.js';

/**
 * match.proposed tells the worker and the employer's webhooks; match.withdrawn is remembered so that a
 * deferred message for it is not sent. Score updates say nothing new to the worker.
 */
export const notifyOnMatchProposed =
  (deps: () => NotificationDeps): EventHandler<typeof matchesTopic> =>
  async (event, context) => {
    const { matchId, workerId, vacancyId, at } = event.data;
    if (event.type === 'match.withdrawn') {
      await deps().matchStates.withdraw(matchId, new Date(at));
      context.log.debug({ matchId }, 'match withdrawn');
      return undefined;
    }
    if (event.type !== 'match.proposed') return 'duplicate';
    const offered = await offerCandidate(deps(), event.data);
    const outcome = await notifyMatch(deps(), { matchId, workerId, vacancyId, causeEventId: event.id, proposedAt: new Date(at) });
    if (outcome === 'duplicate') return offered > 0 ? undefined : outcome;
    const actions = Object.fromEntries(outcome.map((d) => [d.channel, d.action === 'suppress' ? d.reason : d.action]));
    context.log.info({ matchId, workerId, actions }, 'match notified');
    return undefined;
  };
