import type { TopicDefinition } from '@ketnoi/contracts';
import { createKafka, ensureTopics, EventPublisher, sameName, type EventConsumerOptions, type TopicNamer } from '@ketnoi/messaging';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Admin, Kafka } from 'kafkajs';
import type { Logger } from 'pino';

declare module 'fastify' {
  interface FastifyInstance {
    kafka: Kafka;
    /** Publishes this service's events (validated CloudEvents, idempotent producer). */
    publisher: EventPublisher;
    /** How this service's consumers fetch, unless a consumer says otherwise (KAFKA_FETCH_*). */
    kafkaFetch: KafkaFetch;
  }
}

/** Consumers' fetch settings; what is unset takes EventConsumer's default. */
export type KafkaFetch = Partial<Pick<EventConsumerOptions, 'minBytes' | 'maxWaitTimeInMs'>>;

export interface KafkaPluginOptions {
  brokers: string[];
  clientId: string;
  /** CloudEvents `source` of the service's events, e.g. /ketnoi/registration. */
  source: string;
  /** Topics this service publishes: created if missing, checked at start. */
  produces: readonly TopicDefinition[];
  topicName?: TopicNamer;
  /** Consumers' fetch settings (KAFKA_FETCH_*). */
  fetch?: KafkaFetch;
}

const checkBroker = async (admin: Admin): Promise<void> => {
  const cluster = await admin.describeCluster();
  if (cluster.brokers.length === 0) throw new Error('no broker in the cluster metadata');
};

/**
 * The service's Kafka client and publisher; readiness asks the broker for the
 * cluster metadata. Consumers are registered with `consumerPlugin`.
 */
export const kafkaPlugin = fp(
  async (app: FastifyInstance, options: KafkaPluginOptions) => {
    const logger = app.log as Logger;
    const topicName = options.topicName ?? sameName;
    const kafka = createKafka({ brokers: options.brokers, clientId: options.clientId, logger });
    await ensureTopics(kafka, options.produces, { topicName, logger });
    const publisher = new EventPublisher({ kafka, source: options.source, logger, observer: app.metrics.events, topicName });
    const admin = kafka.admin();
    try {
      await Promise.all([publisher.connect(), admin.connect()]);
    } catch (err) {
      // The start-up is tried again with new clients: leave none of these reconnecting.
      await Promise.allSettled([publisher.disconnect(), admin.disconnect()]);
      throw err;
    }

    app.decorate('kafka', kafka);
    app.decorate('publisher', publisher);
    app.decorate('kafkaFetch', options.fetch ?? {});
    app.readiness.register('kafka', () => checkBroker(admin));
    app.addHook('onClose', async () => {
      await Promise.all([publisher.disconnect(), admin.disconnect()]);
      app.log.info('kafka publisher closed');
    });
  },
  { name: 'kafka', fastify: '5.x', dependencies: ['ketnoi-health', 'ketnoi-metrics'] },
);
