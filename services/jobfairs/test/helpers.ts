import type { TopicDefinition, TopicEventInput } from '@ketnoi/contracts';
import { createKafka, ensureTopics, EventPublisher, withSuffix } from '@ketnoi/messaging';
import { createDevIssuer, createLogger, loadConfig, type DevIssuer, type Role, type ServiceApp } from '@ketnoi/service-kit';
import { testLogger, uniqueName } from '@ketnoi/testing';
import { inject } from 'vitest';
import { buildApp } from '../src/app.js';
import { configSchema } from '../src/config.js';

export interface TestService {
  app: ServiceApp;
  suffix: string;
  topic: (contractName: string) => string;
  bearer: (roles?: Role[], employerId?: string) => Promise<{ authorization: string }>;
  close: (options?: { keepDatabase?: boolean }) => Promise<void>;
}

export interface StartOptions {
  /** Reuse a database (a restart); default: a new one. */
  dbName?: string;
  issuer?: DevIssuer;
  env?: Record<string, string>;
  now?: () => Date;
}

/** The jobfairs service on the real broker and FerretDB, with its own topics, group and database. */
export async function startService(options: StartOptions = {}): Promise<TestService & { dbName: string; issuer: DevIssuer }> {
  const { kafkaBrokers, mongoUrl } = inject('infra');
  const issuer: DevIssuer = options.issuer ?? (await createDevIssuer());
  const suffix = uniqueName('jobfairs');
  const dbName = options.dbName ?? suffix.replace(/-/g, '_');
  const config = loadConfig(configSchema, {
    MONGO_URL: mongoUrl,
    MONGO_DB_NAME: dbName,
    KAFKA_BROKERS: kafkaBrokers.join(','),
    AUTH_ISSUER: issuer.issuer,
    AUTH_AUDIENCE: issuer.audience,
    AUTH_JWT_PUBLIC_KEY: issuer.publicKeyPem,
    JOBFAIRS_TOKEN_SECRET: 'integration-test-secret-0123456789abcdef',
    REMINDER_LEAD_HOURS: '0',
    LOG_LEVEL: 'warn',
    ...options.env,
  });
  const app = await buildApp(config, {
    logger: createLogger({ serviceName: 'jobfairs', level: 'error' }),
    topicName: withSuffix(suffix),
    groupId: `jobfairs-${suffix}`,
    outboxIdleMs: 100,
    maxWaitTimeInMs: 250,
    defaultMetrics: false,
    ...(options.now ? { now: options.now } : {}),
  });
  await app.ready();
  return {
    app,
    suffix,
    dbName,
    issuer,
    topic: (name) => withSuffix(suffix)(name),
    bearer: async (roles = ['staff'], employerId) => ({
      authorization: `Bearer ${await issuer.issue({ sub: `tester-${roles.join('-')}-${employerId ?? ''}`, roles, ...(employerId ? { employerId } : {}) })}`,
    }),
    close: async ({ keepDatabase = false } = {}) => {
      if (!keepDatabase) await app.mongo.dropDatabase();
      await app.close();
    },
  };
}

/** Publishes events as the registration, vacancy-intake and matching services would, to this test's topics. */
export async function publish<T extends TopicDefinition>(suffix: string, topic: T, inputs: TopicEventInput<T>[]): Promise<void> {
  const kafka = createKafka({ brokers: inject('infra').kafkaBrokers, clientId: uniqueName('producer'), logger: testLogger() });
  await ensureTopics(kafka, [topic], { topicName: withSuffix(suffix), logger: testLogger() });
  const publisher = new EventPublisher({ kafka, source: '/test', logger: testLogger(), topicName: withSuffix(suffix) });
  await publisher.connect();
  await publisher.publish(topic, inputs);
  await publisher.disconnect();
}
