import type { matchesTopic, TopicEvent } from '@ketnoi/contracts';
import type { BatchEventHandler } from '@ketnoi/messaging';
import type { NotificationDeps } from '../use-cases/deps.js';
import { notifyMatches, type MatchEvent } from '../use-cases/notify-matches.js';

const matchEvent = (event: TopicEvent<typeof matchesTopic>): MatchEvent => {
  if (event.type === 'match.withdrawn') return { type: 'match.withdrawn', matchId: event.data.matchId, at: new Date(event.data.at) };
  if (event.type !== 'match.proposed') return { type: 'ignored' };
  const { matchId, workerId, vacancyId, at, score, rank } = event.data;
  return { type: 'match.proposed', proposal: { notice: { matchId, workerId, vacancyId, causeEventId: event.id, proposedAt: new Date(at) }, score, rank } };
};

/**
 * matches.v1 in batches of a partition (NOTIFICATION_BATCH_SIZE; one at a
 * time is a batch of one): match.proposed tells the worker and the employer's
 * webhooks; match.withdrawn is remembered so that a deferred or digest
 * message for it is not sent. Score updates say nothing new to the worker.
 */
export const notifyOnMatchProposed =
  (deps: () => NotificationDeps): BatchEventHandler<typeof matchesTopic> =>
  (items, { log, heartbeat }) =>
    notifyMatches(deps(), items.map(({ event }) => matchEvent(event)), { log, heartbeat });
