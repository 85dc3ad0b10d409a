import { topics } from '@ketnoi/contracts';
import { ensureTopics, sameName, type TopicNamer } from '@ketnoi/messaging';
import { Kafka, logLevel } from 'kafkajs';

/**
 * Creates every contract topic and its `.dlq` twin before the services start:
 * six services creating the same topics at once on a fresh broker race
 * (UNKNOWN_TOPIC_OR_PARTITION while leaders are elected) and crash at start.
 */
export async function createTopics(brokers: readonly string[], topicName: TopicNamer = sameName): Promise<void> {
  const kafka = new Kafka({ clientId: 'ketnoi-launcher', brokers: [...brokers], logLevel: logLevel.NOTHING, retry: { retries: 10 } });
  await ensureTopics(kafka, topics, { withDeadLetters: true, topicName });
}
