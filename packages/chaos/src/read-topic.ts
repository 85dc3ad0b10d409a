import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';

export interface TopicEvent {
  id: string;
  type: string;
  subject: string;
  data: Record<string, unknown>;
  partition: number;
  offset: string;
}

/**
 * Everything on a topic from offset 0 to its end as it is now, read with a
 * throw-away consumer group; bounded by `timeoutMs`.
 */
export async function readTopicToEnd(brokers: readonly string[], topic: string, timeoutMs = 60_000): Promise<TopicEvent[]> {
  const kafka = new Kafka({ clientId: 'chaos-reader', brokers: [...brokers], logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(topic).finally(() => admin.disconnect());
  const remaining = new Map(ends.filter((p) => Number(p.high) > Number(p.low)).map((p) => [p.partition, BigInt(p.high) - 1n]));
  const events: TopicEvent[] = [];
  if (remaining.size === 0) return events;
  const consumer = kafka.consumer({ groupId: `chaos-reader-${randomUUID()}`, maxWaitTimeInMs: 250, allowAutoTopicCreation: false });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    let done: () => void = () => undefined;
    const finished = new Promise<void>((resolve) => {
      done = resolve;
    });
    await consumer.run({
      eachMessage: async ({ message, partition }) => {
        if (message.value) {
          try {
            const event = JSON.parse(message.value.toString()) as Omit<TopicEvent, 'partition' | 'offset'>;
            events.push({ id: event.id, type: event.type, subject: event.subject, data: event.data ?? {}, partition, offset: message.offset });
          } catch {
            events.push({ id: `${partition}:${message.offset}`, type: 'unparseable', subject: '', data: {}, partition, offset: message.offset });
          }
        }
        const last = remaining.get(partition);
        if (last !== undefined && BigInt(message.offset) >= last) remaining.delete(partition);
        if (remaining.size === 0) done();
      },
    });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${topic}: not read to its end within ${timeoutMs} ms (${events.length} read)`)), timeoutMs);
    });
    await Promise.race([finished, timeout]).finally(() => clearTimeout(timer));
  } finally {
    await consumer.disconnect();
  }
  return events;
}
