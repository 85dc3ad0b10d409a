import { digestIdsFor, MatchBatch, type MatchBatchKnown, type MatchRules } from '../domain/match-batch.js';
import type { MatchNotice } from '../domain/match-notice.js';
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
 * webhook claims; preferences, then cap slots and digests sent) instead of ten.
 */
export async function loadMatchBatch(deps: NotificationDeps, proposals: readonly MatchNotice[], now: Date): Promise<MatchBatchKnown> {
  const matchIds = proposals.map((p) => p.matchId);
  const workerIds = proposals.map((p) => p.workerId);
  const [jobsAndWebhooks, contacts, digestAndCap, states, steps] = await Promise.all([
    readJobsAndWebhooks(deps, proposals),
    deps.contacts.getMany(workerIds),
    readDigestAndCap(deps, workerIds, now),
    deps.matchStates.getMany(matchIds),
    deps.deliveries.stepsOf(matchIds, workerChannels),
  ]);
  return {
    ...jobsAndWebhooks,
    ...digestAndCap,
    contacts,
    states,
    steps: new Map([...steps].map(([id, doc]) => [id, doc.state])),
  };
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

async function readDigestAndCap(deps: NotificationDeps, workerIds: readonly string[], now: Date) {
  const digestWorkers = await deps.preferences.digestWorkers(workerIds);
  const [capHolders, sentDigests] = await Promise.all([
    deps.cap.holders(workerIds.filter((w) => !digestWorkers.has(w)), MatchBatch.day(now, deps.quietHours)),
    deps.digests.sentOf(digestIdsFor(digestWorkers, now, matchRules(deps))),
  ]);
  return { digestWorkers, capHolders, sentDigests };
}
