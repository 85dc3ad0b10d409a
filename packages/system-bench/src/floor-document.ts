import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { z } from 'zod';

/** What a floor stage stores per message: the event's id as `_id`, and the message as it came. */
export type FloorDocument = {
  _id: string;
  event: string;
};

/** A Kafka message as a stage handles it. */
export interface FloorMessage {
  key: string | null;
  value: string;
}

/** The CloudEvent id of a message: the `_id` of what a stage stores for it, so a redelivered message is a duplicate. */
export function eventIdOf(value: string): string {
  const { id } = JSON.parse(value) as { id?: unknown };
  if (typeof id !== 'string' || id.length === 0) throw new Error('message without a CloudEvent id');
  return id;
}

/** The document of one message; the id is the CloudEvent's, so a redelivered message is a duplicate, not a second document. */
export function floorDocument(value: string, id = eventIdOf(value)): FloorDocument {
  return { _id: id, event: value };
}

/**
 * True when an unordered insertMany failed only on documents already there
 * (a batch redelivered after a restart): the stage then goes on, as an
 * idempotent consumer does.
 */
export function onlyDuplicates(error: unknown): boolean {
  const { code, writeErrors } = (error ?? {}) as { code?: unknown; writeErrors?: unknown };
  if (Array.isArray(writeErrors) && writeErrors.length > 0) return writeErrors.every((w) => (w as { code?: unknown }).code === 11000);
  return code === 11000;
}

/**
 * What one unordered insertMany of a chunk stores:
 * - `message`: a document per message, `_id` + the message as it came (~1.3 kB), for documents holding a worker's whole state (a version, a head);
 * - `small`: a document per message, `_id` + a date, for small ones (a citizen-ID claim, a data key, an audit entry, a projection taken as small);
 * - `entry`: one document per chunk holding its messages deflated (an outbox's batch entry, matching's outbox record);
 * - `marker`: one small document per chunk, `_id` the entry's (the writer's settled marker).
 */
export const floorInsert = z.object({
  collection: z.string().min(1),
  kind: z.enum(['message', 'small', 'entry', 'marker']),
});

export type FloorInsert = z.output<typeof floorInsert>;

/** A topic produced to; with `bytes`, each message as a CloudEvent id padded to that size (the real events' mean size there). */
export const floorTarget = z.object({
  topic: z.string().min(1),
  bytes: z.number().int().min(1).optional(),
});

export type FloorTarget = z.output<typeof floorTarget>;

/** How a consumer handles one of its topics, a chunk at a time, in this order. */
export const floorInput = z.object({
  topic: z.string().min(1),
  /** Messages handled together (the service's maxBatchSize); absent: kafkajs's whole batch. */
  chunk: z.number().int().min(1).optional(),
  /** The chunk's sequential round trips, one unordered insertMany each; none: the group only consumes and commits. */
  inserts: z.array(floorInsert).default([]),
  /** Then each message produced again (same key; same bytes unless the target sets a size) to each of these topics. */
  to: z.array(floorTarget).default([]),
  /** Then this collection emptied with one unfiltered deleteMany (matching's outbox record, once its batch is written). */
  clear: z.string().min(1).optional(),
});

export type FloorInput = z.output<typeof floorInput>;

/** One consumer group of a stage process. */
export const floorConsumer = z.object({
  groupId: z.string().min(1),
  inputs: z.array(floorInput).min(1),
  /** As the service does: registration every partition of its input at once, the others one. */
  partitionsConsumedConcurrently: z.number().int().min(1),
});

/**
 * An outbox relay beside the consumers (registration's, service-kit's
 * OutboxRelay in miniature): reads up to `entryLimit` entries, then their
 * markers, produces the messages of the settled ones to every topic of `to`,
 * then deletes those entries and their markers.
 */
export const floorRelay = z.object({
  entries: z.string().min(1),
  markers: z.string().min(1),
  to: z.array(floorTarget).min(1),
  entryLimit: z.number().int().min(1),
});

export type FloorRelay = z.output<typeof floorRelay>;

/** A stage process's settings, handed over by the bench as its one argument (JSON). */
export const floorStageOptions = z
  .object({
    /** The process's name in the CPU/RSS table. */
    name: z.string().min(1),
    brokers: z.array(z.string().min(1)).min(1),
    mongoUrl: z.string().startsWith('mongodb://'),
    dbName: z.string().min(1),
    consumers: z.array(floorConsumer).min(1),
    relay: floorRelay.optional(),
    /** The services' consumer defaults (messaging's EventConsumer) unless BENCH_SERVICE_ENV sets KAFKA_FETCH_*. */
    maxWaitTimeInMs: z.number().int().min(1),
    minBytes: z.number().int().min(1),
  })
  .superRefine((options, ctx) => {
    if (!options.relay) return;
    const inserts = options.consumers.flatMap((c) => c.inputs.flatMap((i) => i.inserts));
    const { entries, markers } = options.relay;
    if (!inserts.some((i) => i.kind === 'entry' && i.collection === entries)) ctx.addIssue({ code: 'custom', path: ['relay', 'entries'], message: `no input writes entries to ${entries}` });
    if (!inserts.some((i) => i.kind === 'marker' && i.collection === markers)) ctx.addIssue({ code: 'custom', path: ['relay', 'markers'], message: `no input writes markers to ${markers}` });
  });

export type FloorStageOptions = z.output<typeof floorStageOptions>;
export type FloorStageInput = z.input<typeof floorStageOptions>;

/** A chunk's entry (and its marker): `_id` from its first message's id, so a redelivered chunk writes the same one. */
export const entryIdOf = (ids: readonly string[]): string => `batch:${ids[0]}:${ids.length}`;

/** The documents one insert stores for a chunk (`ids`: its messages' CloudEvent ids, in order). */
export function chunkDocuments(insert: FloorInsert, messages: readonly FloorMessage[], ids: readonly string[], at: Date): Record<string, unknown>[] {
  if (messages.length === 0) return [];
  switch (insert.kind) {
    case 'message':
      return messages.map((m, i) => floorDocument(m.value, ids[i]));
    case 'small':
      return ids.map((_id) => ({ _id, at }));
    case 'entry':
      return [{ _id: entryIdOf(ids), at, batch: deflateRawSync(JSON.stringify(messages.map((m) => [m.key, m.value])), { level: 1 }) }];
    case 'marker':
      return [{ _id: entryIdOf(ids), at }];
  }
}

/** The messages an entry holds, as written (`batch`: a Buffer, or the driver's Binary). */
export function entryMessages(doc: { batch: Uint8Array | { buffer: Uint8Array } }): FloorMessage[] {
  const bytes = doc.batch instanceof Uint8Array ? doc.batch : doc.batch.buffer;
  return (JSON.parse(inflateRawSync(bytes).toString('utf8')) as [string | null, string][]).map(([key, value]) => ({ key, value }));
}

/** A message of `bytes` (at least its id's): its CloudEvent id and padding, so consumers downstream store and read it the same way. */
export function resized(value: string, bytes: number): string {
  const head = JSON.stringify({ id: eventIdOf(value), pad: '' });
  return `${head.slice(0, -2)}${'x'.repeat(Math.max(0, bytes - Buffer.byteLength(head)))}"}`;
}

/** The messages as a target gets them: as they came, or resized to its `bytes`. */
export const forTarget = (target: FloorTarget, messages: readonly FloorMessage[]): FloorMessage[] =>
  target.bytes === undefined ? [...messages] : messages.map((m) => ({ key: m.key, value: resized(m.value, target.bytes!) }));

