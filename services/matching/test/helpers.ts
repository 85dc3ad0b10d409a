import { type TopicDefinition, type TopicEventInput } from '@ketnoi/contracts';
import { createKafka, ensureTopics, EventPublisher, withSuffix } from '@ketnoi/messaging';
import { createDevIssuer, createLogger, loadConfig, type DevIssuer, type Role, type ServiceApp } from '@ketnoi/service-kit';
import { testKafka, testLogger, uniqueName } from '@ketnoi/testing';
import { inject } from 'vitest';
import { buildApp } from '../src/app.js';
import { matchingConfigSchema } from '../src/config.js';

export interface TestService {
  app: ServiceApp;
  suffix: string;
  topic: (contractName: string) => string;
  bearer: (roles?: Role[], employerId?: string) => Promise<{ authorization: string }>;
  close: (options?: { keepDatabase?: boolean }) => Promise<void>;
}

export interface StartOptions {
  suffix?: string;
  dbName?: string;
  issuer?: DevIssuer;
  scoring?: string;
  /** The service's clock (ages are counted in its month). */
  now?: () => Date;
}

/** The matching service on the real broker and FerretDB, with its own topics, group and database. */
export async function startService(options: StartOptions = {}): Promise<TestService> {
  const { kafkaBrokers, mongoUrl } = inject('infra');
  const issuer = options.issuer ?? (await createDevIssuer());
  const suffix = options.suffix ?? uniqueName('match');
  const dbName = options.dbName ?? suffix.replace(/-/g, '_');
  const config = loadConfig(matchingConfigSchema, {
    SERVICE_NAME: 'matching',
    MONGO_URL: mongoUrl,
    MONGO_DB_NAME: dbName,
    KAFKA_BROKERS: kafkaBrokers.join(','),
    AUTH_ISSUER: issuer.issuer,
    AUTH_AUDIENCE: issuer.audience,
    AUTH_JWT_PUBLIC_KEY: issuer.publicKeyPem,
    LOG_LEVEL: 'warn',
    ...(options.scoring ? { MATCHING_SCORING: options.scoring } : {}),
  });
  const app = await buildApp(config, {
    logger: createLogger({ serviceName: 'matching', level: 'error' }),
    topicName: withSuffix(suffix),
    groupId: `matching-${suffix}`,
    ...(options.now ? { now: options.now } : {}),
  });
  await app.ready();
  return {
    app,
    suffix,
    topic: (name) => withSuffix(suffix)(name),
    bearer: async (roles = ['staff'], employerId) => ({
      authorization: `Bearer ${await issuer.issue({ sub: `tester-${roles.join('-')}`, roles, ...(employerId ? { employerId } : {}) })}`,
    }),
    close: async ({ keepDatabase = false } = {}) => {
      if (!keepDatabase) await app.mongo.dropDatabase();
      await app.close();
    },
  };
}

/** Publishes events as the registration and vacancy-intake services would, to this test's topics. */
export async function publish<T extends TopicDefinition>(suffix: string, topic: T, inputs: TopicEventInput<T>[]): Promise<void> {
  const kafka = createKafka({ brokers: inject('infra').kafkaBrokers, clientId: uniqueName('producer'), logger: testLogger() });
  await ensureTopics(kafka, [topic], { topicName: withSuffix(suffix), logger: testLogger() });
  const publisher = new EventPublisher({ kafka, source: '/test', logger: testLogger(), topicName: withSuffix(suffix) });
  await publisher.connect();
  await publisher.publish(topic, inputs);
  await publisher.disconnect();
}

export { testKafka };
