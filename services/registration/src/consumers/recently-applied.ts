/**
 * Ids of the ingest events this process applied lately (oldest forgotten
 * first). A batch handed back by Kafka (a rebalance, a commit that did not
 * happen) is mostly events applied already: those are answered as
 * duplicates without reading each worker again, so a redelivered batch
 * finishes in a moment instead of one look-up per event. An id is added only
 * once its writes are done; after a restart the workers' own
 * `appliedEvents` still recognise a redelivery, at a look-up each.
 */
export class RecentlyApplied {
  private readonly ids = new Set<string>();

  constructor(private readonly limit = 100_000) {}

  has(eventId: string): boolean {
    return this.ids.has(eventId);
  }

  add(eventId: string): void {
    this.ids.delete(eventId);
    this.ids.add(eventId);
    if (this.ids.size > this.limit) this.ids.delete(this.ids.values().next().value!);
  }
}
