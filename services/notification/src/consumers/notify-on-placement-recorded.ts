import type { placementsTopic } from '@ketnoi/contracts';
import type { EventHandler } from '@ketnoi/messaging';
import type { NotificationDeps } from '../use-cases/deps.js';
import { enqueueWebhooks } from '../use-cases/enqueue-webhooks.js';
import { notifyPlacement } from '../use-cases/notify-placement.js';

/** The matching service's match id of a (vacancy, worker) pair, for hires recorded without one. */
const matchIdOf = (vacancyId: string, workerId: string) => `${vacancyId}:${workerId}`;

/**
 * placement.recorded: the match is over (a deferred or digest message about it
 * is suppressed as withdrawn), the employer's `candidate.hired` webhooks are
 * queued, and the worker is told (unless the hire is older than
 * PLACEMENT_MAX_AGE_HOURS). Other outcomes say nothing to anyone here.
 */
export const notifyOnPlacementRecorded =
  (deps: () => NotificationDeps): EventHandler<typeof placementsTopic> =>
  async (event, context) => {
    if (event.type !== 'placement.recorded') return 'duplicate';
    const { placementId, vacancyId, workerId, employerId, hiredAt, startDate } = event.data;
    const matchId = event.data.matchId ?? matchIdOf(vacancyId, workerId);
    await deps().matchStates.place(matchId, new Date(hiredAt));
    // A first start of the consumer group reads placements.v1 from the beginning: old hires are history.
    if (deps().now().getTime() - new Date(hiredAt).getTime() > deps().placementMaxAgeMs) {
      context.log.info({ placementId, hiredAt }, 'placement too old to announce');
      return 'duplicate';
    }
    const queued = await enqueueWebhooks(deps(), {
      employerId,
      type: 'candidate.hired',
      causeId: placementId,
      occurredAt: new Date(hiredAt),
      data: { placementId, vacancyId, candidateId: workerId, hiredAt, ...(startDate ? { startDate } : {}) },
    });
    if (queued > 0) deps().published();
    const outcome = await notifyPlacement(deps(), { placementId, workerId, vacancyId, startDate, causeEventId: event.id });
    if (outcome === 'duplicate') return queued > 0 ? undefined : outcome;
    const actions = Object.fromEntries(outcome.map((d) => [d.channel, d.action === 'suppress' ? d.reason : d.action]));
    context.log.info({ placementId, workerId, actions }, 'placement notified');
    return undefined;
  };
