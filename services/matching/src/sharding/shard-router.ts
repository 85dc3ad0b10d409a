import type { TopicDefinition, TopicEvent } from '@ketnoi/contracts';
import type { BatchEventHandler, TopicNamer } from '@ketnoi/messaging';
import { Partitioners, type Kafka, type Producer } from 'kafkajs';
import { shardInputTopic } from './topics.js';

const partitioner = Partitioners.DefaultPartitioner();

/** The partition kafkajs's default partitioner (murmur2, as the Java client) gives a key among `count`. */
export function partitionOfKey(key: string, count: number): number {
  const partitionMetadata = Array.from({ length: count }, (_, partitionId) => ({ partitionId, leader: 0, partitionErrorCode: 0, replicas: [0], isr: [0] }));
  return partitioner({ topic: shardInputTopic.name, partitionMetadata, message: { key, value: null } });
}

/** Which shards an event concerns: a worker's and a hire's, the worker's one; a vacancy's, all. */
export function shardsOf(event: TopicEvent<typeof shardInputTopic>, count: number): number[] {
  if (event.type.startsWith('vacancy.')) return Array.from({ length: count }, (_, shard) => shard);
  const { workerId } = event.data as { workerId: string };
  return [partitionOfKey(workerId, count)];
}

/**
 * Copies the three input topics into matching.shard-input.v1 (the router):
 * each event, unchanged, to the partitions of the shards it concerns.
 * At least once, like any consumer: a copy sent twice is a duplicate version
 * to the shard.
 */
export class ShardRouter {
  private readonly producer: Producer;
  private readonly topic: string;

  constructor(kafka: Kafka, topicName: TopicNamer) {
    this.producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    this.topic = topicName(shardInputTopic.name);
  }

  connect = () => this.producer.connect();
  disconnect = () => this.producer.disconnect();

  /** Sends one event to every shard-input partition, so to every shard wherever it is (a re-match request). */
  async toEveryShard(event: TopicEvent<typeof shardInputTopic>): Promise<void> {
    const value = JSON.stringify(event);
    const messages = Array.from({ length: shardInputTopic.partitions }, (_, partition) => ({ partition, key: event.subject, value }));
    await this.producer.send({ topic: this.topic, acks: -1, messages });
  }

  handler<T extends TopicDefinition>(): BatchEventHandler<T> {
    return async (items) => {
      const count = shardInputTopic.partitions;
      const messages = items.flatMap(({ event, headers }) => {
        const value = JSON.stringify(event);
        return shardsOf(event as TopicEvent<typeof shardInputTopic>, count).map((partition) => ({ partition, key: event.subject, value, headers }));
      });
      await this.producer.send({ topic: this.topic, acks: -1, messages });
    };
  }
}
