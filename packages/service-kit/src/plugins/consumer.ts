import { EventConsumer, type EventConsumerOptions, type TopicAssignment, type TopicNamer } from '@ketnoi/messaging';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Logger } from 'pino';

export interface ConsumerPluginOptions
  extends Pick<
    EventConsumerOptions,
    'groupId' | 'retry' | 'fromBeginning' | 'maxWaitTimeInMs' | 'minBytes' | 'partitionsConsumedConcurrently'
  > {
  /** Names the plugin, the readiness check and the consumer's logger. */
  name: string;
  topicName?: TopicNamer;
  /** Subscribes the handlers; called with the app so handlers reach its repositories. */
  subscribe: (consumer: EventConsumer, app: FastifyInstance) => void;
  /** EventConsumer's onAssigned (this member's partitions after each rebalance), called with the app too. */
  onAssigned?: (assignment: TopicAssignment[], app: FastifyInstance) => void | Promise<void>;
}

/**
 * One consumer group as a named plugin: starts consuming once the app is
 * ready (its repositories exist), reports group membership to readiness, and
 * stops before the connections it depends on close.
 */
export const consumerPlugin = (options: ConsumerPluginOptions) =>
  fp(
    async (app: FastifyInstance) => {
      const { name, subscribe, topicName, onAssigned, ...consumerOptions } = options;
      const consumer = new EventConsumer({
        // The service's fetch settings (KAFKA_FETCH_*), unless this consumer says otherwise.
        ...app.kafkaFetch,
        ...consumerOptions,
        kafka: app.kafka,
        logger: (app.log as Logger).child({ consumer: name }),
        observer: app.metrics.events,
        ...(topicName ? { topicName } : {}),
        ...(onAssigned ? { onAssigned: (assignment: TopicAssignment[]) => onAssigned(assignment, app) } : {}),
      });
      subscribe(consumer, app);
      app.readiness.register(`consumer:${name}`, async () => {
        if (!consumer.isHealthy()) throw new Error('not a member of its consumer group');
      });
      app.addHook('onReady', () => consumer.start());
      // Registered after kafka and mongo, so it is closed before them (onClose runs in reverse).
      app.addHook('onClose', () => consumer.stop());
    },
    { name: `consumer:${options.name}`, fastify: '5.x', dependencies: ['kafka'] },
  );
