/** What became of one event of a batch: applied, already applied, or refused with this error. */
export type Settled = 'ok' | 'duplicate' | { error: unknown };

/**
 * Outcomes of a batch that was applied but has refused events in it. The
 * consumer answers such a batch by handing its events back one at a time (so
 * only the refused ones are dead-lettered); their outcomes are known already,
 * and the writes durable, so they are answered from here instead of going to
 * the database again. Kept per partition until that partition's next batch,
 * and bounded.
 */
export class SettledOutcomes {
  private readonly byPartition = new Map<number, Map<string, Settled>>();

  constructor(private readonly limit = 10_000) {}

  remember(partition: number, outcomes: readonly { offset: string; eventId: string; settled: Settled }[]): void {
    const kept = new Map<string, Settled>();
    for (const { offset, eventId, settled } of outcomes.slice(0, this.limit)) kept.set(`${offset}/${eventId}`, settled);
    this.byPartition.set(partition, kept);
  }

  /** The outcome of one event, once: a second ask (a redelivery) goes to the database again. */
  take(partition: number, offset: string, eventId: string): Settled | undefined {
    const kept = this.byPartition.get(partition);
    const key = `${offset}/${eventId}`;
    const settled = kept?.get(key);
    kept?.delete(key);
    if (kept?.size === 0) this.byPartition.delete(partition);
    return settled;
  }

  /** A new batch of the partition: whatever was kept for it is stale. */
  forget(partition: number): void {
    this.byPartition.delete(partition);
  }
}
