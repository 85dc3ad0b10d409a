import type { TopicDefinition } from '@ketnoi/contracts';
import type { TopicNamer } from '@ketnoi/messaging';
import { topicNamerOf } from '../config/kafka-names.js';
import { kafkaPlugin } from '../plugins/kafka.js';
import { mongoPlugin } from '../plugins/mongo.js';
import { createServiceApp, type ServiceApp, type ServiceAppOptions } from './create-service-app.js';

export interface EventServiceOptions extends ServiceAppOptions {
  /** CloudEvents `source` of what the service publishes, e.g. /ketnoi/matching. */
  source: string;
  /** Topics the service publishes (created and checked at start). */
  produces: readonly TopicDefinition[];
  /** Physical topic names; tests give each test its own. Default: from KETNOI_TOPIC_SUFFIX (topicNamerOf). */
  topicName?: TopicNamer | undefined;
}

/**
 * A KetNoi service with its own database and its Kafka publisher: the shared
 * app (health, metrics, errors, OpenAPI, auth) plus the `mongo` and `kafka`
 * plugins from configuration. The service adds its stores, consumers, relays
 * and routes.
 */
export async function createEventService({ source, produces, topicName, ...options }: EventServiceOptions): Promise<ServiceApp> {
  const { config } = options;
  const app = await createServiceApp(options);
  try {
    await app.register(mongoPlugin, { url: config.MONGO_URL, dbName: config.MONGO_DB_NAME });
    await app.register(kafkaPlugin, {
      brokers: config.KAFKA_BROKERS,
      clientId: config.SERVICE_NAME,
      source,
      produces,
      topicName: topicName ?? topicNamerOf(config),
      fetch: {
        ...(config.KAFKA_FETCH_MIN_BYTES === undefined ? {} : { minBytes: config.KAFKA_FETCH_MIN_BYTES }),
        ...(config.KAFKA_FETCH_MAX_WAIT_MS === undefined ? {} : { maxWaitTimeInMs: config.KAFKA_FETCH_MAX_WAIT_MS }),
      },
    });
  } catch (err) {
    // A start-up that failed on Kafka is tried again (runService): close the mongo connection it opened first.
    await app.close().catch(() => undefined);
    throw err;
  }
  return app;
}
