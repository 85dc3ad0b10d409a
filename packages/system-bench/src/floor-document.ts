import { z } from 'zod';

/** What a floor stage stores per message: the event's id as `_id`, and the message as it came. */
export interface FloorDocument {
  _id: string;
  event: string;
}

/** The document of one message; the id is the CloudEvent's, so a redelivered message is a duplicate, not a second document. */
export function floorDocument(value: string): FloorDocument {
  const { id } = JSON.parse(value) as { id?: unknown };
  if (typeof id !== 'string' || id.length === 0) throw new Error('message without a CloudEvent id');
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

/** A stage's settings, handed over by the bench as its one argument (JSON). */
export const floorStageOptions = z.object({
  brokers: z.array(z.string().min(1)).min(1),
  mongoUrl: z.string().startsWith('mongodb://'),
  dbName: z.string().min(1),
  collection: z.string().min(1),
  from: z.string().min(1),
  to: z.string().min(1),
  groupId: z.string().min(1),
  /** As registration does on ingest.workers.v1: every partition of its input at once. */
  partitionsConsumedConcurrently: z.number().int().min(1),
  /** The services' consumer defaults (messaging's EventConsumer) unless BENCH_SERVICE_ENV sets KAFKA_FETCH_*. */
  maxWaitTimeInMs: z.number().int().min(1),
  minBytes: z.number().int().min(1),
});

export type FloorStageOptions = z.output<typeof floorStageOptions>;
