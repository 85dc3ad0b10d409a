import type { TopicDefinition, TopicEventInput } from '@ketnoi/contracts';
import { buildEvent } from '@ketnoi/messaging';
import { Schema } from 'mongoose';

/** An event waiting in its aggregate's document to be published. */
export interface PendingEvent {
  id: string;
  topic: string;
  type: string;
  subject: string;
  time: string;
  data: unknown;
}

export interface OutboxFields {
  /** As written: the events. As stored and read back: one JSON text (earlier versions: documents), `[]` once published. */
  outbox: PendingEvent[] | string;
  outboxPending: boolean;
}

/**
 * A version's events are stored as one JSON text: FerretDB converts nested
 * documents field by field, and an event carries a whole profile (the same
 * reason the pending index and `VersionedStore`'s states are text); the
 * relay reads the events from the pending index, and the recovery copies the
 * text there as it is. An empty outbox stays an empty array.
 */
const outboxAsJsonText = (events: unknown): unknown => (typeof events === 'string' || (Array.isArray(events) && events.length === 0) ? events : JSON.stringify(events));

/**
 * Adds the embedded outbox to an aggregate's schema. Aggregates are stored as
 * one immutable document per version, inserted (never updated) together with
 * the events that version caused: a unique (aggregate, version) key makes
 * concurrent writers conflict instead of overwriting each other, and the
 * events cannot be lost without their change. FerretDB 1.x does not update a
 * document atomically under concurrency, so nothing here relies on it.
 */
export function addOutbox(schema: Schema): void {
  schema.add({
    outbox: { type: Schema.Types.Mixed, set: outboxAsJsonText, default: [] },
    outboxPending: { type: Boolean, default: false },
  });
  schema.index({ outboxPending: 1 });
}

/**
 * A pending event for a topic, validated against the contract now, so an
 * invalid event fails the write that causes it instead of blocking the relay.
 */
export function pendingEvent<T extends TopicDefinition>(topic: T, input: TopicEventInput<T>): PendingEvent {
  const { id, type, subject, time, data } = buildEvent(topic, input, 'outbox');
  return { id, topic: topic.name, type, subject, time, data };
}

/** The outbox fields of a newly inserted aggregate version, as stored (the events as JSON text): a driver's insert needs no schema. */
export const withOutbox = (events: readonly PendingEvent[]): OutboxFields => ({
  outbox: outboxAsJsonText([...events]) as OutboxFields['outbox'],
  outboxPending: events.length > 0,
});
