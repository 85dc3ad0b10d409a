import { z } from 'zod';
import { parseEvent, type RecordView } from '../format/event-line.js';

export const DLQ_SUFFIX = '.dlq';

/** The dead-letter topic of a topic, whichever of the two names is given. */
export const dlqTopicOf = (topic: string): string => (topic.endsWith(DLQ_SUFFIX) ? topic : `${topic}${DLQ_SUFFIX}`);

/** Where the CLI records replays: a compacted topic beside the dead-letter topic, keyed by partition:offset. */
export const replayLogTopicOf = (dlqTopic: string): string => `${dlqTopic}.replayed`;

export interface DeadLetterView {
  partition: number;
  offset: string;
  key: string | null;
  type?: string;
  code: string;
  reason: string;
  origin: { topic: string; partition: string; offset: string };
  group: string;
  at: string;
  record: RecordView;
}

/** A dead-lettered record, read through the headers @ketnoi/messaging puts on it. */
export function deadLetterView(record: RecordView): DeadLetterView {
  const h = record.headers;
  const type = parseEvent(record.value)?.type;
  return {
    partition: record.partition,
    offset: record.offset,
    key: record.key,
    ...(type === undefined ? {} : { type }),
    code: h['ketnoi-dlq-code'] ?? '?',
    reason: h['ketnoi-dlq-reason'] ?? '(no reason recorded)',
    origin: { topic: h['ketnoi-dlq-topic'] ?? '', partition: h['ketnoi-dlq-partition'] ?? '?', offset: h['ketnoi-dlq-offset'] ?? '?' },
    group: h['ketnoi-dlq-group'] ?? '?',
    at: h['ketnoi-dlq-at'] ?? new Date(Number(record.timestamp)).toISOString(),
    record,
  };
}

export const replayEntry = z.object({
  dlqTopic: z.string(),
  partition: z.number().int(),
  offset: z.string(),
  originTopic: z.string(),
  replayedAt: z.iso.datetime(),
  by: z.string(),
});
export type ReplayEntry = z.infer<typeof replayEntry>;

export const replayKey = (partition: number, offset: string): string => `${partition}:${offset}`;

/** Headers to send a record back with: its own, without the dead-letter ones, plus where it was replayed from. */
export function replayHeaders(view: DeadLetterView, dlqTopic: string, at: string): Record<string, string> {
  const own = Object.fromEntries(Object.entries(view.record.headers).filter(([k]) => !k.startsWith('ketnoi-dlq-')));
  return { ...own, 'ketnoi-replayed-from': `${dlqTopic}:${view.partition}:${view.offset}`, 'ketnoi-replayed-at': at };
}
