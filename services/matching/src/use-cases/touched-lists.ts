import type { WithdrawReason } from '../domain/diff-top-k.js';
import type { ListChange } from '../engine/match-engine.js';

/**
 * The top-K lists changed since the last announcement, coalesced: only the
 * list as it ends up is diffed against what consumers know. For each worker
 * that left a list it keeps the reason of the change that took them out
 * (the last one, if they came back and left again); anyone else who is gone
 * was outranked.
 */
export class TouchedLists {
  private readonly reasons = new Map<string, Map<string, WithdrawReason>>();

  get size(): number {
    return this.reasons.size;
  }

  vacancyIds(): IterableIterator<string> {
    return this.reasons.keys();
  }

  add(changes: readonly ListChange[], reasonFor: (workerId: string) => WithdrawReason): void {
    for (const change of changes) {
      let reasons = this.reasons.get(change.vacancyId);
      if (!reasons) this.reasons.set(change.vacancyId, (reasons = new Map()));
      const stayed = new Set(change.after.map((entry) => entry.id));
      for (const entry of change.before) if (!stayed.has(entry.id)) reasons.set(entry.id, reasonFor(entry.id));
    }
  }

  reasonFor(vacancyId: string, workerId: string): WithdrawReason {
    return this.reasons.get(vacancyId)?.get(workerId) ?? 'outranked';
  }

  /** Who left the list (as it is now, `after`) since the last announcement, and why. */
  leftOf(vacancyId: string, after: readonly { id: string }[]): { workerId: string; reason: WithdrawReason }[] {
    const stayed = new Set(after.map((entry) => entry.id));
    return [...(this.reasons.get(vacancyId) ?? [])].flatMap(([workerId, reason]) => (stayed.has(workerId) ? [] : [{ workerId, reason }]));
  }

  clear(): void {
    this.reasons.clear();
  }
}
