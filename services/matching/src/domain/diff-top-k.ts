import type { Ranked } from './ranking.js';

export type WithdrawReason = 'outranked' | 'vacancy-closed' | 'worker-unavailable' | 'worker-erased' | 'placed' | 'rescored';

/** A list entry as consumers last heard of it: the score and rank last published. */
export interface Announced {
  id: string;
  score: number;
  rank: number;
}

export type MatchDelta =
  | { kind: 'proposed' | 'updated'; workerId: string; score: number; rank: number }
  | { kind: 'withdrawn'; workerId: string; reason: WithdrawReason };

export interface DiffThresholds {
  updateScoreDelta: number;
  updateRankDelta: number;
}

/**
 * What to publish for one vacancy's list change: newcomers proposed, leavers
 * withdrawn (with the reason the caller knows), and stayers updated only
 * when their score or rank moved beyond the thresholds since they were last
 * published, so that one newcomer at the top does not re-announce the whole
 * list, and small moves still add up to an update.
 */
export function diffTopK(announced: Announced[], after: Ranked[], thresholds: DiffThresholds, reasonFor: (workerId: string) => WithdrawReason): MatchDelta[] {
  const previous = new Map(announced.map((entry) => [entry.id, entry]));
  const deltas: MatchDelta[] = [];
  after.forEach((entry, i) => {
    const rank = i + 1;
    const was = previous.get(entry.id);
    previous.delete(entry.id);
    if (!was) deltas.push({ kind: 'proposed', workerId: entry.id, score: entry.score, rank });
    else if (Math.abs(was.score - entry.score) >= thresholds.updateScoreDelta || Math.abs(was.rank - rank) >= thresholds.updateRankDelta)
      deltas.push({ kind: 'updated', workerId: entry.id, score: entry.score, rank });
  });
  for (const workerId of previous.keys()) deltas.push({ kind: 'withdrawn', workerId, reason: reasonFor(workerId) });
  return deltas;
}

/** What consumers know of the list once `deltas` are published. */
export function afterAnnouncing(announced: Announced[], after: Ranked[], deltas: MatchDelta[]): Announced[] {
  const previous = new Map(announced.map((entry) => [entry.id, entry]));
  const sent = new Map(deltas.flatMap((d) => (d.kind === 'withdrawn' ? [] : [[d.workerId, d] as const])));
  return after.map((entry, i) => {
    const delta = sent.get(entry.id);
    return delta ? { id: entry.id, score: delta.score, rank: delta.rank } : (previous.get(entry.id) ?? { id: entry.id, score: entry.score, rank: i + 1 });
  });
}
