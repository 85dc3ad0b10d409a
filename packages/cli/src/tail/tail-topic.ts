import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import { parseEvent, type RecordView } from '../format/event-line.js';
import { recordView } from '../kafka/record-view.js';

export interface TailOptions {
  topic: string;
  fromBeginning?: boolean;
  /** Only records with this Kafka key. */
  key?: string;
  /** Only events of this CloudEvents type. */
  type?: string;
  /** Stop after this many printed records. */
  max?: number;
  signal?: AbortSignal;
  /** Called once the consumer has joined (tests produce after it). */
  onReady?: () => void;
  print: (record: RecordView) => void;
}

export const matchesFilter = (record: RecordView, filter: Pick<TailOptions, 'key' | 'type'>): boolean =>
  (filter.key === undefined || record.key === filter.key) && (filter.type === undefined || parseEvent(record.value)?.type === filter.type);

/**
 * Follows a topic with a throw-away consumer group (deleted at the end),
 * from now or from the beginning, until `max` records were printed or the
 * signal aborts (Ctrl-C).
 */
export async function tailTopic(kafka: Kafka, options: TailOptions): Promise<number> {
  const groupId = `ketnoi-cli-tail-${randomUUID()}`;
  const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false, maxWaitTimeInMs: 500 });
  let printed = 0;
  await consumer.connect();
  try {
    await new Promise<void>((resolve, reject) => {
      if (options.signal?.aborted) return resolve();
      options.signal?.addEventListener('abort', () => resolve(), { once: true });
      consumer.on(consumer.events.GROUP_JOIN, () => options.onReady?.());
      consumer.on(consumer.events.CRASH, (event) => reject(event.payload.error));
      consumer
        .subscribe({ topic: options.topic, fromBeginning: options.fromBeginning ?? false })
        .then(() =>
          consumer.run({
            autoCommit: false,
            eachMessage: async ({ partition, message }) => {
              if (options.max !== undefined && printed >= options.max) return;
              const record = recordView(options.topic, partition, message);
              if (!matchesFilter(record, options)) return;
              options.print(record);
              printed += 1;
              if (options.max !== undefined && printed >= options.max) resolve();
            },
          }),
        )
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect();
  }
  return printed;
}
