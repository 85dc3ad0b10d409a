import { Kafka, logLevel, type Consumer, type IHeaders } from 'kafkajs';
import { inject } from 'vitest';
import { uniqueName } from './unique.js';
import { waitFor } from './wait-for.js';

export interface ReceivedMessage {
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
  partition: number;
  offset: string;
}

export const testKafka = (clientId = uniqueName('client')): Kafka =>
  new Kafka({ clientId, brokers: inject('infra').kafkaBrokers, logLevel: logLevel.NOTHING });

const headerText = (headers: IHeaders | undefined): Record<string, string> =>
  Object.fromEntries(Object.entries(headers ?? {}).map(([k, v]) => [k, Array.isArray(v) ? String(v[0]) : String(v)]));

/**
 * Reads a topic from the beginning with a throw-away group. `messages` fills
 * as they arrive; `waitForCount` resolves once enough have.
 */
export async function readTopic(kafka: Kafka, topic: string) {
  const messages: ReceivedMessage[] = [];
  const consumer: Consumer = kafka.consumer({
    groupId: uniqueName('reader'),
    allowAutoTopicCreation: false,
    maxWaitTimeInMs: 250,
  });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message, partition }) => {
      messages.push({
        key: message.key?.toString() ?? null,
        value: message.value?.toString() ?? null,
        headers: headerText(message.headers),
        partition,
        offset: message.offset,
      });
    },
  });
  return {
    messages,
    waitForCount: (count: number, timeoutMs = 30_000) =>
      waitFor(() => messages.length >= count && messages, { timeoutMs, what: `${count} messages on ${topic}` }),
    stop: () => consumer.disconnect(),
  };
}
