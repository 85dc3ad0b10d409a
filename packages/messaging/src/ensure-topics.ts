import { dlqTopicName, type TopicDefinition } from '@ketnoi/contracts';
import { backoffDelay } from '@ketnoi/errors';
import type { Kafka } from 'kafkajs';
import type { Logger } from 'pino';
import { sleep } from './backoff.js';
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
    // Listed again on each try: another service may have created some meanwhile.
    await untilSettled(async () => {
      const existing = new Set(await admin.listTopics());
      const missing = wanted.filter((t) => !existing.has(t.topic));
      if (missing.length === 0) return;
      await admin.createTopics({
        topics: missing.map((t) => ({ ...t, replicationFactor: options.replicationFactor ?? 1 })),
        waitForLeaders: true,
      });
      options.logger?.info({ topics: missing.map((t) => t.topic) }, 'topics created');
    });
    const metadata = await untilSettled(() => admin.fetchTopicMetadata({ topics: wanted.map((t) => t.topic) }));
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

/** Errors of a broker that is still electing leaders, or of another service creating the same topic. */
const settling = (error: unknown): boolean => {
  const err = error as { type?: string; retriable?: boolean; errors?: unknown[] };
  if (err.type === 'LEADER_NOT_AVAILABLE' || err.type === 'TOPIC_ALREADY_EXISTS' || err.retriable === true) return true;
  return Array.isArray(err.errors) && err.errors.length > 0 && err.errors.every(settling);
};

// From 250 ms doubling to 4 s: eight tries span about 16 s, long enough for a fresh broker's elections.
const SETTLE_BACKOFF = { initialMs: 250, maxMs: 4_000 };

/** Retries an admin call while the broker settles (a fresh broker answers "no leader" for a while). */
async function untilSettled<T>(call: () => Promise<T>, attempts = 8): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= attempts || !settling(error)) throw error;
      await sleep(backoffDelay(attempt, SETTLE_BACKOFF));
    }
  }
}
