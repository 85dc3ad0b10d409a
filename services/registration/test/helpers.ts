import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { withSuffix } from '@ketnoi/messaging';
import { createDevIssuer, createLogger, loadConfig, type DevIssuer, type ServiceApp } from '@ketnoi/service-kit';
import { testKafka, uniqueName } from '@ketnoi/testing';
import { inject } from 'vitest';
import { buildApp } from '../src/app.js';
import { registrationConfigSchema } from '../src/config.js';

/** Every log line any registration app wrote during this test file. */
export const logLines: string[] = [];

const memoryDestination = new Writable({
  write(chunk: Buffer, _encoding, done) {
    logLines.push(...chunk.toString().split('\n').filter(Boolean));
    done();
  },
});

export interface TestService {
  app: ServiceApp;
  issuer: DevIssuer;
  suffix: string;
  topic: (contractName: string) => string;
  bearer: (roles?: ('staff' | 'admin')[]) => Promise<{ authorization: string }>;
  dbName: string;
  close: () => Promise<void>;
}

/** The registration service on the real broker and FerretDB, with its own topics and database. */
export async function startService(): Promise<TestService> {
  const { kafkaBrokers, mongoUrl } = inject('infra');
  const issuer = await createDevIssuer();
  const suffix = uniqueName('reg');
  const dbName = suffix.replace(/-/g, '_');
  const config = loadConfig(registrationConfigSchema, {
    SERVICE_NAME: 'registration',
    MONGO_URL: mongoUrl,
    MONGO_DB_NAME: dbName,
    KAFKA_BROKERS: kafkaBrokers.join(','),
    AUTH_ISSUER: issuer.issuer,
    AUTH_AUDIENCE: issuer.audience,
    AUTH_JWT_PUBLIC_KEY: issuer.publicKeyPem,
    LOG_LEVEL: 'debug',
    REGISTRATION_MASTER_KEYS: `k1:${randomBytes(32).toString('base64')}`,
    REGISTRATION_MASTER_KEY_ID: 'k1',
    REGISTRATION_HASH_KEY: randomBytes(32).toString('base64'),
  });
  const app = await buildApp(config, {
    logger: createLogger({ serviceName: 'registration', level: 'debug' }, memoryDestination),
    topicName: withSuffix(suffix),
    groupId: `registration-${suffix}`,
    relayIdleMs: 50,
  });
  await app.ready();
  return {
    app,
    issuer,
    suffix,
    dbName,
    topic: (name) => withSuffix(suffix)(name),
    bearer: async (roles = ['staff']) => ({ authorization: `Bearer ${await issuer.issue({ sub: `tester-${roles.join('-')}`, roles })}` }),
    close: async () => {
      await app.mongo.dropDatabase();
      await app.close();
    },
  };
}

/** Sends raw messages to a topic, as another system would. */
export async function produceRaw(topic: string, messages: { key: string; value: string; partition?: number }[]): Promise<void> {
  const producer = testKafka().producer();
  await producer.connect();
  await producer.send({ topic, messages });
  await producer.disconnect();
}
