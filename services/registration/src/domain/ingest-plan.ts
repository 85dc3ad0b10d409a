/** What an ingest event asks for, and of whom (the keyed hash of the citizen-ID); null when it was refused. */
export type PlannedEvent = { kind: 'register' | 'withdraw'; person: string } | null;

/** `bulk`: in the batch's bulk write; `in-order`: one by one after it, in offset order; `refused`: touches nothing. */
export type IngestStep = 'bulk' | 'in-order' | 'refused';

/**
 * Splits an ingest batch so that bulk writing changes nothing of the order of
 * one person's events: a person's first event goes into the bulk write when
 * it is a registration (nothing of theirs comes before it in the batch); their
 * later events, and every withdrawal, are applied one by one after the bulk
 * write, in offset order.
 */
export function planIngest(events: readonly PlannedEvent[]): IngestStep[] {
  const seen = new Set<string>();
  return events.map((event) => {
    if (!event) return 'refused';
    const first = !seen.has(event.person);
    seen.add(event.person);
    return first && event.kind === 'register' ? 'bulk' : 'in-order';
  });
}
