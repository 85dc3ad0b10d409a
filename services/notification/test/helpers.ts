import { Writable } from 'node:stream';
import { buildEvent, withSuffix } from '@ketnoi/messaging';
import type { TopicDefinition, TopicEventInput } from '@ketnoi/contracts';
import { createDevIssuer, createLogger, loadConfig, type DevIssuer, type ServiceApp } from '@ketnoi/service-kit';
import { testKafka, uniqueName } from '@ketnoi/testing';
import mongoose from 'mongoose';
import { inject } from 'vitest';
import { buildApp, type BuildOverrides } from '../src/app.js';
import { notificationConfigSchema } from '../src/config.js';
import { startSmsGateway, startSmtpServer } from './sinks.js';

/** Every log line any notification app wrote during this test file. */
export const logLines: string[] = [];

const memoryDestination = new Writable({
  write(chunk: Buffer, _encoding, done) {
    logLines.push(...chunk.toString().split('\n').filter(Boolean));
    done();
  },
});

/** How many events of a type an app handled with an outcome, from its metrics. */
export async function handledBy(app: ServiceApp, type: string, outcome: string): Promise<number> {
  const metrics = (await app.inject({ method: 'GET', url: '/metrics' })).body;
  const line = metrics
    .split('\n')
    .find((l) => l.startsWith('ketnoi_events_handled_total{') && l.includes(`type="${type}"`) && l.includes(`outcome="${outcome}"`));
  return line ? Number(line.split(' ').pop()) : 0;
}

/** A clock the test moves (quiet hours); noon in Thái Nguyên unless set, real time when null. */
export const clock: { now: Date | null } = { now: new Date('2026-11-26T12:00:00+07:00') };

export interface TestService {
  app: ServiceApp;
  /** Another instance on the same database, topics and sinks, in its own consumer groups (a replay from the start). */
  another: (groupId: string) => Promise<ServiceApp>;
  issuer: DevIssuer;
  sms: Awaited<ReturnType<typeof startSmsGateway>>;
  smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  topic: (contractName: string) => string;
  bearer: (sub: string, roles?: ('staff' | 'admin' | 'employer')[], employerId?: string) => Promise<{ authorization: string }>;
  publish: <T extends TopicDefinition>(topic: T, key: string, inputs: TopicEventInput<T>[]) => Promise<void>;
  /** How many events of a type the app handled with an outcome (ok, duplicate, retried, dead-lettered). */
  handled: (type: string, outcome: string) => Promise<number>;
  close: () => Promise<void>;
}

/** The notification service on the real broker and FerretDB, with a real SMS gateway and SMTP server. */
export async function startService(env: Record<string, string> = {}, overrides: Pick<BuildOverrides, 'resolveHost' | 'faults'> = {}): Promise<TestService> {
  const { kafkaBrokers, mongoUrl } = inject('infra');
  const [issuer, sms, smtp] = await Promise.all([createDevIssuer(), startSmsGateway(), startSmtpServer()]);
  const suffix = uniqueName('ntf');
  const config = loadConfig(notificationConfigSchema, {
    SERVICE_NAME: 'notification',
    MONGO_URL: mongoUrl,
    MONGO_DB_NAME: suffix.replace(/-/g, '_'),
    KAFKA_BROKERS: kafkaBrokers.join(','),
    AUTH_ISSUER: issuer.issuer,
    AUTH_AUDIENCE: issuer.audience,
    AUTH_JWT_PUBLIC_KEY: issuer.publicKeyPem,
    LOG_LEVEL: 'debug',
    SMS_GATEWAY_URL: sms.url,
    SMS_GATEWAY_AUTH_HEADER: 'Authorization: Bearer gateway-test-token',
    SMTP_URL: smtp.url,
    DEFERRED_POLL_MS: '200',
    // Most tests propose matches for workers they never give a contact: judged at once.
    NOTIFICATION_CONTACT_WAIT_MS: '0',
    ...env,
  });
  const build = async (groupId: string) => {
    const instance = await buildApp(config, {
      logger: createLogger({ serviceName: 'notification', level: 'debug' }, memoryDestination),
      topicName: withSuffix(suffix),
      groupId,
      relayIdleMs: 50,
      now: () => clock.now ?? new Date(),
      ...overrides,
    });
    await instance.ready();
    return instance;
  };
  const app = await build(`notification-${suffix}`);
  // Generous retries: on a loaded machine a just-created topic may take seconds to get its partition leaders.
  const producer = testKafka().producer({ retry: { retries: 10, initialRetryTime: 200 } });
  await producer.connect();
  const topic = (name: string) => withSuffix(suffix)(name);
  return {
    app,
    another: (groupId) => build(`${groupId}-${suffix}`),
    issuer,
    sms,
    smtp,
    topic,
    bearer: async (sub, roles = [], employerId) => ({ authorization: `Bearer ${await issuer.issue({ sub, roles, ...(employerId ? { employerId } : {}) })}` }),
    publish: async (definition, key, inputs) => {
      const messages = inputs.map((input) => ({ key, value: JSON.stringify(buildEvent(definition, input, '/test')) }));
      await producer.send({ topic: topic(definition.name), messages });
    },
    handled: (type, outcome) => handledBy(app, type, outcome),
    close: async () => {
      await producer.disconnect();
      await app.close();
      // Through a connection of its own: the first instance may have been closed by the test (a restart).
      const connection = await mongoose.createConnection(mongoUrl, { dbName: config.MONGO_DB_NAME }).asPromise();
      await connection.dropDatabase();
      await connection.close();
      await Promise.all([sms.close(), smtp.close()]);
    },
  };
}
