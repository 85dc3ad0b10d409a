/** How many ingest event ids a worker keeps: a redelivery comes soon after the delivery. */
export const APPLIED_EVENTS_KEPT = 16;

/**
 * The ids of the last ingest events that changed a worker, newest last. A
 * redelivered event is recognised by its id and changes nothing, even where
 * applying its content again would (a person changed and changed back within
 * one redelivered batch).
 */
export function withAppliedEvent(previous: readonly string[] | undefined, eventId: string | undefined, kept = APPLIED_EVENTS_KEPT): string[] | undefined {
  if (!eventId) return previous ? [...previous] : undefined;
  return [...(previous ?? []).filter((id) => id !== eventId), eventId].slice(-kept);
}

export const wasApplied = (applied: readonly string[] | undefined, eventId: string | undefined): boolean =>
  eventId !== undefined && (applied?.includes(eventId) ?? false);
