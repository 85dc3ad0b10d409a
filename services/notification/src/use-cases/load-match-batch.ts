import { fullDayHolders } from '../domain/cap-slots.js';
import { digestIdsFor, MatchBatch, type MatchBatchKnown, type MatchRules } from '../domain/match-batch.js';
import type { MatchNotice } from '../domain/match-notice.js';
import { deliveryKey } from '../domain/notice.js';
import { workerChannels } from '../domain/types.js';
import { wants, webhookJobId } from '../domain/webhook-jobs.js';
import type { NotificationDeps } from './deps.js';

export const matchRules = (deps: NotificationDeps): MatchRules => ({ quietHours: deps.quietHours, digestTime: deps.digestTime, dailyCap: deps.cap.cap, contactWaitMs: deps.contactWaitMs });

/**
 * Reads what a batch of proposals needs, one query per collection (by `_id`
 * with `$in`, except the subscriptions, a small collection read by employer):
 * about ten round trips for the whole batch instead of ten to twenty per match.
 * The reads that do not need each other's answers run at the same time: three
 * round trips in a row (vacancies, then employers and subscriptions, then
 * webhook claims; preferences, then the last cap slots and digests sent, then
 * the full days that need reading) instead of ten.
 */
export async function loadMatchBatch(deps: NotificationDeps, proposals: readonly MatchNotice[], now: Date): Promise<MatchBatchKnown> {
  const matchIds = proposals.map((p) => p.matchId);
  const workerIds = proposals.map((p) => p.workerId);
  const stepsRead = deps.deliveries.stepsOf(matchIds, workerChannels);
  const [jobsAndWebhooks, contacts, digestAndCap, states, steps] = await Promise.all([
    readJobsAndWebhooks(deps, proposals),
    deps.contacts.getMany(workerIds),
    readDigestAndCap(deps, proposals, stepsRead, now),
    deps.matchStates.getMany(matchIds),
    stepsRead,
  ]);
  return { ...jobsAndWebhooks, ...digestAndCap, contacts, states, steps };
}

async function readJobsAndWebhooks(deps: NotificationDeps, proposals: readonly MatchNotice[]) {
  const vacancies = await deps.jobs.vacanciesOf(proposals.map((p) => p.vacancyId));
  const { employerOf } = vacancies;
  // The employers (for the jobs) and their subscriptions in one round trip.
  const [jobs, subscriptions] = await Promise.all([deps.jobs.jobsOf(vacancies), deps.webhooks.subscriptions.ofEmployers([...new Set(employerOf.values())])]);
  // Only the deliveries a proposal can make: its vacancy's employer's subscriptions that want candidate.proposed.
  const webhookIds = proposals.flatMap(({ matchId, vacancyId }) => {
    const employerId = employerOf.get(vacancyId);
    const wanting = employerId === undefined ? [] : (subscriptions.get(employerId) ?? []).filter((s) => wants(s, employerId, 'candidate.proposed'));
    return wanting.map((s) => webhookJobId(s._id, 'candidate.proposed', matchId));
  });
  const webhookClaims = await deps.webhooks.queue.claimedOf(webhookIds);
  return { employerOf, jobs, subscriptions, webhookClaims };
}

async function readDigestAndCap(deps: NotificationDeps, proposals: readonly MatchNotice[], steps: Promise<ReadonlyMap<string, unknown>>, now: Date) {
  const workerIds = proposals.map((p) => p.workerId);
  const digestWorkers = await deps.preferences.digestWorkers(workerIds);
  const capped = proposals.filter((p) => !digestWorkers.has(p.workerId));
  const [capHolders, sentDigests] = await Promise.all([
    readCapHolders(deps, capped, steps, MatchBatch.day(now, deps.quietHours)),
    deps.digests.sentOf(digestIdsFor(digestWorkers, now, matchRules(deps))),
  ]);
  return { digestWorkers, capHolders, sentDigests };
}

/**
 * The day's cap slots of the proposals' workers (slot id → matchId). The last
 * slot first: a worker whose last slot another match holds is at the cap, and
 * its other slots are not read (`fullDayHolders`) unless a proposal of the
 * batch may hold one of them: the last is its own (this batch tried before),
 * it was claimed before (a redelivery: its plan decides what an unrecorded
 * try gets), or a try of this instance gave it a slot and stopped before its
 * claims (a retriable failure, such as a slot taken meanwhile by another
 * instance). Every other worker's slots are read in full, to take the next.
 */
async function readCapHolders(deps: NotificationDeps, proposals: readonly MatchNotice[], steps: Promise<ReadonlyMap<string, unknown>>, day: string) {
  const workerIds = [...new Set(proposals.map((p) => p.workerId))];
  const [last, found] = await Promise.all([deps.cap.lastHolders(workerIds, day), steps]);
  const batchMatches = new Set(proposals.map((p) => p.matchId));
  const claimedBefore = new Set(proposals.filter((p) => workerChannels.some((c) => found.has(deliveryKey(p.matchId, c)))).map((p) => p.workerId));
  const mayHold = new Set([...claimedBefore, ...proposals.filter((p) => deps.cap.mayHold(p.matchId)).map((p) => p.workerId)]);
  const readInFull = workerIds.filter((w) => !last.has(w) || batchMatches.has(last.get(w)!) || mayHold.has(w));
  const holders = await deps.cap.holders(readInFull, day);
  const full = new Set(readInFull);
  for (const w of workerIds) if (!full.has(w)) for (const [id, matchId] of fullDayHolders(w, day, deps.cap.cap, last.get(w)!)) holders.set(id, matchId);
  return holders;
}
