import { loadConfig, createDevIssuer, type DevIssuer, type ServiceApp } from '@ketnoi/service-kit';
import { withSuffix } from '@ketnoi/messaging';
import { readTopic, testKafka, testLogger, uniqueName } from '@ketnoi/testing';
import mongoose from 'mongoose';
import { inject } from 'vitest';
import { buildApp, type AppOverrides } from '../src/app.js';
import { configSchema, type Config } from '../src/config.js';
import { aTaxCode, anEmployerProfile } from './mothers.js';

export interface TestService {
  app: ServiceApp;
  config: Config;
  issuer: DevIssuer;
  suffix: string;
  /** The physical name of a contract topic in this test. */
  topic: (name: string) => string;
  staffToken: () => Promise<string>;
  close: () => Promise<void>;
}

export const testEnv = (env: Record<string, string> = {}): Config => {
  const { kafkaBrokers, mongoUrl } = inject('infra');
  return loadConfig(configSchema, {
    MONGO_URL: mongoUrl,
    MONGO_DB_NAME: uniqueName('intake').replace(/-/g, '_'),
    KAFKA_BROKERS: kafkaBrokers.join(','),
    AUTH_ISSUER: 'urn:ketnoi:dev-issuer',
    AUTH_AUDIENCE: 'ketnoi',
    LOG_LEVEL: 'warn',
    INGEST_GROUP_ID: uniqueName('intake-ingest'),
    ...env,
  });
};

/** The service on the real broker and FerretDB, with its own database, topics and consumer group. */
export async function startService(env: Record<string, string> = {}, overrides: AppOverrides = {}): Promise<TestService> {
  const config = testEnv(env);
  const issuer = await createDevIssuer({ issuer: config.AUTH_ISSUER, audience: config.AUTH_AUDIENCE });
  const suffix = uniqueName('vi');
  const topic = withSuffix(suffix);
  const app = await buildApp(config, {
    logger: testLogger(),
    auth: { publicKey: JSON.stringify(issuer.publicJwk) },
    topicName: topic,
    outboxIdleMs: 50,
    maxWaitTimeInMs: 200,
    defaultMetrics: false,
    ...overrides,
  });
  await app.ready();
  return {
    app,
    config,
    issuer,
    suffix,
    topic,
    // A new staff member each time, so per-client limits never carry over between steps.
    staffToken: () => issuer.issue({ sub: uniqueName('staff'), roles: ['staff'] }),
    close: async () => {
      await app.close();
      const connection = await mongoose.createConnection(config.MONGO_URL, { dbName: config.MONGO_DB_NAME }).asPromise();
      await connection.dropDatabase();
      await connection.close();
    },
  };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

let taxSeed = 460_000_000 + Math.floor(Math.random() * 9_000_000);
/** A fresh valid tax code per call, so employers never collide across tests. */
export const freshTaxCode = (): string => aTaxCode(String((taxSeed += 13)));

/** Registers an employer as staff and returns its id. */
export async function registerEmployer(service: TestService, overrides: Record<string, unknown> = {}): Promise<string> {
  const { communeCode, street, ...profile } = anEmployerProfile();
  const response = await service.app.inject({
    method: 'POST',
    url: '/v1/employers',
    headers: bearer(await service.staffToken()),
    payload: { taxCode: freshTaxCode(), ...profile, address: { communeCode, street }, ...overrides },
  });
  if (response.statusCode !== 201) throw new Error(`register employer: ${response.statusCode} ${response.body}`);
  return response.json<{ employerId: string }>().employerId;
}

/** Issues client credentials for an employer (as staff) and trades them for an employer token. */
export async function employerSession(service: TestService, employerId: string) {
  const created = await service.app.inject({
    method: 'POST',
    url: `/v1/employers/${employerId}/clients`,
    headers: bearer(await service.staffToken()),
    payload: { label: 'HR system' },
  });
  if (created.statusCode !== 201) throw new Error(`create client: ${created.statusCode} ${created.body}`);
  const { clientId, clientSecret } = created.json<{ clientId: string; clientSecret: string }>();
  const token = await service.app.inject({
    method: 'POST',
    url: '/oauth/token',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }).toString(),
  });
  if (token.statusCode !== 200) throw new Error(`token: ${token.statusCode} ${token.body}`);
  return { clientId, clientSecret, token: token.json<{ access_token: string }>().access_token };
}

/** Reads a topic of this test from the beginning; events parsed. */
export async function readEvents(service: TestService, contractTopic: string) {
  const reader = await readTopic(testKafka(), service.topic(contractTopic));
  const events = () => reader.messages.map((m) => JSON.parse(m.value!) as { type: string; subject: string; data: Record<string, unknown> });
  return {
    reader,
    events,
    waitFor: async (count: number) => {
      await reader.waitForCount(count);
      return events();
    },
  };
}
