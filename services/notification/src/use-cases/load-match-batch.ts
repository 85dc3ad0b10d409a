import { digestIdsFor, MatchBatch, type MatchBatchKnown, type MatchRules } from '../domain/match-batch.js';
import type { MatchNotice } from '../domain/match-notice.js';
import { workerChannels } from '../domain/types.js';
import { wants, webhookJobId } from '../domain/webhook-jobs.js';
import type { NotificationDeps } from './deps.js';

export const matchRules = (deps: NotificationDeps): MatchRules => ({ quietHours: deps.quietHours, digestTime: deps.digestTime, dailyCap: deps.cap.cap });

/**
 * Reads what a batch of proposals needs, one query per collection (by `_id`
 * with `$in`, except the subscriptions, a small collection read by employer):
 * about ten round trips for the whole batch instead of ten to twenty per match.
 */
export async function loadMatchBatch(deps: NotificationDeps, proposals: readonly MatchNotice[], now: Date): Promise<MatchBatchKnown> {
  const matchIds = proposals.map((p) => p.matchId);
  const workerIds = proposals.map((p) => p.workerId);
  const { employerOf, jobs } = await deps.jobs.describeMany(proposals.map((p) => p.vacancyId));
  const subscriptions = await deps.webhooks.subscriptions.ofEmployers([...new Set(employerOf.values())]);
  // Only the deliveries a proposal can make: its vacancy's employer's subscriptions that want candidate.proposed.
  const webhookIds = proposals.flatMap(({ matchId, vacancyId }) => {
    const employerId = employerOf.get(vacancyId);
    const wanting = employerId === undefined ? [] : (subscriptions.get(employerId) ?? []).filter((s) => wants(s, employerId, 'candidate.proposed'));
    return wanting.map((s) => webhookJobId(s._id, 'candidate.proposed', matchId));
  });
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
