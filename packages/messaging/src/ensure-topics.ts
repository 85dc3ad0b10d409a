import { dlqTopicName, type TopicDefinition } from '@ketnoi/contracts';
import type { Kafka } from 'kafkajs';
import type { Logger } from 'pino';
import { sameName, type TopicNamer } from './topic-names.js';

export interface EnsureTopicsOptions {
  /** Also create each topic's `.dlq` twin (for the topics a service consumes). */
  withDeadLetters?: boolean;
  topicName?: TopicNamer;
  replicationFactor?: number;
  logger?: Logger;
}

const configEntries = (topic: TopicDefinition) => [
  { name: 'cleanup.policy', value: topic.cleanupPolicy },
  { name: 'retention.ms', value: String(topic.retentionMs) },
];

/**
 * Creates the topics that are missing and checks that the existing ones have
 * at least the partitions the contract asks for (ordering per key depends on
 * the partition count, so a topic is never silently re-partitioned).
 */
export async function ensureTopics(
  kafka: Kafka,
  topics: readonly TopicDefinition[],
  options: EnsureTopicsOptions = {},
): Promise<void> {
  const name = options.topicName ?? sameName;
  const wanted = topics.flatMap((topic) => {
    const main = { topic: name(topic.name), numPartitions: topic.partitions, configEntries: configEntries(topic) };
    if (!options.withDeadLetters) return [main];
    const dlq = { topic: dlqTopicName(name(topic.name)), numPartitions: 1, configEntries: [] };
    return [main, dlq];
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = wanted.filter((t) => !existing.has(t.topic));
    if (missing.length > 0) {
      await admin.createTopics({
        topics: missing.map((t) => ({ ...t, replicationFactor: options.replicationFactor ?? 1 })),
        waitForLeaders: true,
      });
      options.logger?.info({ topics: missing.map((t) => t.topic) }, 'topics created');
    }
    const metadata = await admin.fetchTopicMetadata({ topics: wanted.map((t) => t.topic) });
    for (const topic of metadata.topics) {
      const want = wanted.find((t) => t.topic === topic.name);
      if (want && topic.partitions.length < want.numPartitions) {
        options.logger?.warn(
          { topic: topic.name, partitions: topic.partitions.length, expected: want.numPartitions },
          'topic has fewer partitions than its contract',
        );
      }
    }
  } finally {
    await admin.disconnect();
  }
}
