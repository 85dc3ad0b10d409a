import type { ConsumerConfig, Kafka } from 'kafkajs';

/**
 * The client, but each consumer it makes reports the partitions of `topic`
 * it is given at every rebalance (kafkajs's GROUP_JOIN, which carries the
 * new assignment; its eager protocol revokes everything first, so any
 * partition not in it was revoked). @ketnoi/messaging's EventConsumer has
 * no hook for this yet.
 */
export function reportingAssignments(kafka: Kafka, topic: string, onAssigned: (partitions: number[]) => void): Kafka {
  return new Proxy(kafka, {
    get(target, property) {
      if (property === 'consumer') {
        return (config: ConsumerConfig) => {
          const consumer = target.consumer(config);
          consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => onAssigned(payload.memberAssignment[topic] ?? []));
          return consumer;
        };
      }
      const value: unknown = Reflect.get(target, property);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
