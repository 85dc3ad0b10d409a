import { randomBytes } from 'node:crypto';
import { withSuffix } from '@ketnoi/messaging';
import { buildApp as buildRegistration, registrationConfigSchema } from '@ketnoi/registration';
import { createDevIssuer, loadConfig, type ServiceApp } from '@ketnoi/service-kit';
import { readTopic, testKafka, testLogger, uniqueName, waitFor } from '@ketnoi/testing';
import { buildApp as buildIntake, configSchema as intakeConfigSchema } from '@ketnoi/vacancy-intake';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { generateWorkers, streamDemo, type DemoProgress } from '../../src/index.js';

const WORKERS = 30;
const EMPLOYERS = 5;
const VACANCIES = 20;
const SEED = 1_000 + Math.floor(Math.random() * 1_000_000);

describe('streamDemo into running registration and vacancy-intake', () => {
  const { kafkaBrokers, mongoUrl } = inject('infra');
  const suffix = uniqueName('demo');
  const topicName = withSuffix(suffix);
  const registrationGroup = `registration-${suffix}`;
  const databases = [`${suffix}_reg`.replace(/-/g, '_'), `${suffix}_intake`.replace(/-/g, '_')] as const;
  let registration: ServiceApp;
  let intake: ServiceApp;
  let intakeUrl: string;
  let staffToken: () => Promise<string>;

  beforeAll(async () => {
    const issuer = await createDevIssuer();
    staffToken = () => issuer.issue({ sub: 'demo-loader', roles: ['staff'] });
    const common = {
      MONGO_URL: mongoUrl,
      KAFKA_BROKERS: kafkaBrokers.join(','),
      AUTH_ISSUER: issuer.issuer,
      AUTH_AUDIENCE: issuer.audience,
      AUTH_JWT_PUBLIC_KEY: issuer.publicKeyPem,
      LOG_LEVEL: 'warn',
    };
    registration = await buildRegistration(
      loadConfig(registrationConfigSchema, {
        ...common,
        SERVICE_NAME: 'registration',
        MONGO_DB_NAME: databases[0],
        REGISTRATION_MASTER_KEYS: `k1:${randomBytes(32).toString('base64')}`,
        REGISTRATION_MASTER_KEY_ID: 'k1',
        REGISTRATION_HASH_KEY: randomBytes(32).toString('base64'),
      }),
      { logger: testLogger(), topicName, groupId: registrationGroup, relayIdleMs: 50 },
    );
    intake = await buildIntake(loadConfig(intakeConfigSchema, { ...common, MONGO_DB_NAME: databases[1], INGEST_GROUP_ID: `intake-${suffix}` }), {
      logger: testLogger(),
      topicName,
      outboxIdleMs: 50,
      maxWaitTimeInMs: 200,
      defaultMetrics: false,
    });
    await registration.ready();
    intakeUrl = await intake.listen({ host: '127.0.0.1', port: 0 });
  });

  afterAll(async () => {
    await Promise.allSettled([registration?.close(), intake?.close()]);
    for (const dbName of databases) {
      const connection = await mongoose.createConnection(mongoUrl, { dbName }).asPromise();
      await connection.dropDatabase();
      await connection.close();
    }
  });

  const run = (progress: DemoProgress[]) =>
    streamDemo({
      kafkaBrokers,
      vacancyIntakeUrl: intakeUrl,
      staffToken,
      workers: WORKERS,
      employers: EMPLOYERS,
      vacancies: VACANCIES,
      seed: SEED,
      batchSize: 8,
      topicName,
      onProgress: (p) => progress.push(p),
    });

  /** How many ingest messages registration's group has committed. */
  const committed = async () => {
    const admin = testKafka().admin();
    await admin.connect();
    try {
      const [topic] = await admin.fetchOffsets({ groupId: registrationGroup, topics: [topicName('ingest.workers.v1')] });
      return topic!.partitions.reduce((sum, p) => sum + Math.max(0, Number(p.offset)), 0);
    } finally {
      await admin.disconnect();
    }
  };

  /** Reads a topic once its partitions have leaders (the services create some topics as they start). */
  const readWhenReady = async (contractName: string) => {
    const topic = topicName(contractName);
    const admin = testKafka().admin();
    await admin.connect();
    try {
      await waitFor(async () => (await admin.fetchTopicMetadata({ topics: [topic] })).topics[0]!.partitions.every((p) => p.leader >= 0), { what: `leaders of ${topic}` });
    } finally {
      await admin.disconnect();
    }
    return readTopic(testKafka(), topic);
  };

  it('registers the workers, employers and vacancies through the public interfaces, and adds nothing on a second run', async () => {
    const progress: DemoProgress[] = [];
    const summary = await run(progress);
    expect(summary.workers.published).toBe(WORKERS);
    expect(summary.employers).toMatchObject({ total: EMPLOYERS, created: EMPLOYERS, existing: 0, rejected: 0, rejections: [] });
    expect(summary.vacancies).toMatchObject({ total: VACANCIES, created: VACANCIES, existing: 0, rejected: 0, rejections: [] });
    expect(progress.at(-1)).toEqual({ phase: 'vacancies', done: VACANCIES, total: VACANCIES });
    expect(progress.filter((p) => p.phase === 'workers').map((p) => p.done)).toEqual([0, 8, 16, 24, 30]);

    const workers = await readWhenReady('workers.v1');
    const vacancies = await readWhenReady('vacancies.v1');
    const employers = await readWhenReady('employers.v1');
    try {
      await workers.waitForCount(WORKERS, 60_000);
      await vacancies.waitForCount(VACANCIES);
      await employers.waitForCount(EMPLOYERS);
      expect(new Set(workers.messages.map((m) => m.key)).size).toBe(WORKERS);
      expect(vacancies.messages.every((m) => (JSON.parse(m.value!) as { type: string }).type === 'vacancy.opened')).toBe(true);
      // Pseudonymous downstream: no citizen-ID of the demo leaves registration.
      const ids = [...generateWorkers(SEED, WORKERS)].map((w) => w.profile.citizenId);
      expect(workers.messages.some((m) => ids.some((id) => m.value!.includes(id)))).toBe(false);

      const again: DemoProgress[] = [];
      const second = await run(again);
      expect(second.employers).toMatchObject({ created: 0, existing: EMPLOYERS, rejected: 0, rejections: [] });
      expect(second.vacancies).toMatchObject({ created: 0, existing: VACANCIES, rejected: 0, rejections: [] });
      // Registration has read every resent worker and found nothing new.
      await waitFor(async () => (await committed()) >= 2 * WORKERS, { timeoutMs: 60_000, what: 'registration to read the resent workers' });
      await vacancies.waitForCount(VACANCIES);
      expect(workers.messages).toHaveLength(WORKERS);
      expect(vacancies.messages).toHaveLength(VACANCIES);
      expect(employers.messages).toHaveLength(EMPLOYERS);
    } finally {
      await Promise.all([workers.stop(), vacancies.stop(), employers.stop()]);
    }
  });
});
