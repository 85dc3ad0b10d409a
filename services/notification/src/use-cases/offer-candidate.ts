import type { MatchScored } from '@ketnoi/contracts';
import { unavailable } from '@ketnoi/errors';
import type { NotificationDeps } from './deps.js';
import { enqueueWebhooks } from './enqueue-webhooks.js';

/** A new candidate for a vacancy, for its employer's webhooks: pseudonymous ids and the score, no personal data. */
export async function offerCandidate(deps: NotificationDeps, match: MatchScored): Promise<number> {
  const employerId = await deps.jobs.employerOf(match.vacancyId);
  if (!employerId) throw unavailable(`vacancy ${match.vacancyId} not projected yet`);
  return enqueueWebhooks(deps, {
    employerId,
    type: 'candidate.proposed',
    causeId: match.matchId,
    occurredAt: new Date(match.at),
    data: { vacancyId: match.vacancyId, matchId: match.matchId, candidateId: match.workerId, score: match.score, rank: match.rank },
  });
}
