import type { MatchScored, matchesTopic, TopicEventInput } from '@ketnoi/contracts';
import type { MatchDelta } from '../domain/diff-top-k.js';

export const matchIdOf = (vacancyId: string, workerId: string): string => `${vacancyId}:${workerId}`;

/** What a proposal or update says of the worker besides score and rank. */
export type MatchDetails = Pick<MatchScored, 'factors' | 'boost'>;

/**
 * One vacancy's list deltas as matches.v1 event inputs (subject: the
 * vacancy). `detailsOf` gives a proposed or updated worker's factors and
 * boost; a worker it does not know is left out.
 */
export function matchEventInputs(
  vacancyId: string,
  deltas: readonly MatchDelta[],
  scoringVersion: string,
  at: string,
  detailsOf: (workerId: string) => MatchDetails | undefined,
): TopicEventInput<typeof matchesTopic>[] {
  return deltas.flatMap((delta): TopicEventInput<typeof matchesTopic>[] => {
    const ids = { matchId: matchIdOf(vacancyId, delta.workerId), vacancyId, workerId: delta.workerId };
    if (delta.kind === 'withdrawn') return [{ type: 'match.withdrawn', subject: vacancyId, data: { ...ids, reason: delta.reason, at } }];
    const details = detailsOf(delta.workerId);
    if (!details) return [];
    const { factors, boost } = details;
    const type = delta.kind === 'proposed' ? 'match.proposed' : 'match.updated';
    return [{ type, subject: vacancyId, data: { ...ids, score: delta.score, rank: delta.rank, scoringVersion, factors, boost, at } }];
  });
}
