import { digestIdsFor, MatchBatch, type MatchBatchKnown, type MatchRules } from '../domain/match-batch.js';
import { workerChannels } from '../domain/types.js';
import type { NotificationDeps } from './deps.js';

export interface BatchKeys {
  matchIds: string[];
  workerIds: string[];
  vacancyIds: string[];
}

export const matchRules = (deps: NotificationDeps): MatchRules => ({ quietHours: deps.quietHours, digestTime: deps.digestTime, dailyCap: deps.cap.cap });

/**
 * Reads what a batch of proposals needs, one query per collection (by `_id`
 * with `$in`, except the subscriptions, a small collection read by employer):
 * about ten round trips for the whole batch instead of ten to twenty per match.
 */
export async function loadMatchBatch(deps: NotificationDeps, { matchIds, workerIds, vacancyIds }: BatchKeys, now: Date): Promise<MatchBatchKnown> {
  const { employerOf, jobs } = await deps.jobs.describeMany(vacancyIds);
  const subscriptions = await deps.webhooks.subscriptions.ofEmployers([...new Set(employerOf.values())]);
  const webhookIds = [...subscriptions.values()].flat().flatMap((s) => matchIds.map((matchId) => `${s._id}:candidate.proposed:${matchId}`));
  const webhookClaims = await deps.webhooks.queue.claimedOf(webhookIds);
  const contacts = await deps.contacts.getMany(workerIds);
  const digestWorkers = await deps.preferences.digestWorkers(workerIds);
  const states = await deps.matchStates.getMany(matchIds);
  const capHolders = await deps.cap.holders(workerIds.filter((w) => !digestWorkers.has(w)), MatchBatch.day(now, deps.quietHours));
  const steps = await deps.deliveries.stepsOf(matchIds, workerChannels);
  const sentDigests = await deps.digests.sentOf(digestIdsFor(digestWorkers, now, matchRules(deps)));
  return {
    contacts,
    digestWorkers,
    employerOf,
    jobs,
    subscriptions,
    webhookClaims,
    states,
    capHolders,
    steps: new Map([...steps].map(([id, doc]) => [id, doc.state])),
    sentDigests,
  };
}
