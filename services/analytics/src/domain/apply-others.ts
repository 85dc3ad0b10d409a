import { hash } from 'node:crypto';
import type { EmployerSnapshot, MatchScored } from '@ketnoi/contracts';
import type { EmployerProjection, MatchProjection, NotificationProjection } from './projections.js';

/**
 * The match's key in analytics: a digest of its matchId, which names the
 * (vacancy, worker) pair, so the worker's id does not survive in the key.
 * The one-shot `hash` (the same SHA-256) costs a fraction of a `createHash` object per proposal.
 */
export const matchKeyOf = (matchId: string): string => hash('sha256', matchId, 'hex').slice(0, 32);

/** A proposal counts once per matchId: later proposals of the same pair (or replays) are duplicates. */
export function applyMatchProposed(current: MatchProjection | undefined, match: MatchScored, erasedTraits?: string[]): MatchProjection | 'duplicate' {
  if (current) return 'duplicate';
  const who = erasedTraits ? { traits: erasedTraits } : { workerId: match.workerId };
  return { _id: matchKeyOf(match.matchId), vacancyId: match.vacancyId, proposedAt: match.at, ...who };
}

/** A notification's latest outcome: a failure can be followed by a delivery (retries), never the other way. */
export function applyNotification(
  current: NotificationProjection | undefined,
  record: { notificationId: string; recipientKind: 'worker' | 'employer'; channel: string; at: string },
  outcome: 'sent' | 'failed',
): NotificationProjection | 'duplicate' {
  if (current && (current.outcome === 'sent' || current.outcome === outcome)) return 'duplicate';
  return { _id: record.notificationId, recipientKind: record.recipientKind, channel: record.channel, outcome, at: record.at };
}

export function applyEmployer(current: EmployerProjection | undefined, snapshot: EmployerSnapshot): EmployerProjection | 'duplicate' {
  if (current && current.version >= snapshot.version) return 'duplicate';
  return {
    _id: snapshot.employerId,
    version: snapshot.version,
    fdi: snapshot.fdi,
    vsicSector: snapshot.vsicSector,
    communeCode: snapshot.communeCode,
    status: snapshot.status,
  };
}
