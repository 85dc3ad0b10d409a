import { ingestVacanciesTopic } from '@ketnoi/contracts';
import { withSuffix } from '@ketnoi/messaging';
import { testDatabase, uniqueName, waitFor } from '@ketnoi/testing';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { createServiceApp, kafkaPlugin, mongoPlugin, type ServiceApp } from '../../src/index.js';
import { memoryLogger, testConfig } from '../helpers.js';
import { aVacancySubmitted, storeVacanciesConsumer, storedVacancies } from './store-vacancies.js';

/** A service in miniature: HTTP app, mongo, a publisher and one consumer. */
async function buildMiniService(suffix: string, dbName: string): Promise<ServiceApp> {
  const { kafkaBrokers, mongoUrl } = inject('infra');
  const app = await createServiceApp({
    config: testConfig({ MONGO_URL: mongoUrl, KAFKA_BROKERS: kafkaBrokers.join(',') }),
    logger: memoryLogger().logger,
    defaultMetrics: false,
  });
  const topicName = withSuffix(suffix);
  await app.register(mongoPlugin, { url: mongoUrl, dbName });
  await app.register(kafkaPlugin, {
    brokers: kafkaBrokers,
    clientId: 'mini-service',
    source: '/ketnoi/mini-service',
    produces: [ingestVacanciesTopic],
    topicName,
  });
  await app.register(storeVacanciesConsumer({ topicName }));
  await app.ready();
  return app;
}

describe('service-kit plugins against the real broker and FerretDB', () => {
  let app: ServiceApp | undefined;
  let drop: (() => Promise<void>) | undefined;

  afterEach(async () => {
    await app?.close();
    await drop?.();
  });

  it('consumes into mongo, reports readiness and counts events in /metrics', async () => {
    const db = await testDatabase('kit');
    drop = db.drop;
    app = await buildMiniService(uniqueName('kit'), db.name);

    const ready = await waitFor(
      async () => {
        const response = await app!.inject({ method: 'GET', url: '/health/ready' });
        return response.statusCode === 200 && response.json<{ checks: Record<string, unknown> }>();
      },
      { what: 'readiness' },
    );
    expect(Object.keys(ready.checks)).toEqual(expect.arrayContaining(['mongo', 'kafka', 'consumer:store-vacancies']));

    const [event] = await app.publisher.publish(ingestVacanciesTopic, [aVacancySubmitted('ext-kit')]);
    const stored = await waitFor(() => storedVacancies(app!).findById(event!.id).lean(), { what: 'stored vacancy' });
    expect(stored).toMatchObject({ externalRef: 'ext-kit', title: 'Thợ hàn' });

    const metrics = (await app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toMatch(/ketnoi_events_published_total\{[^}]*type="vacancy.submitted"[^}]*\} 1/);
    expect(metrics).toMatch(/ketnoi_events_handled_total\{[^}]*outcome="ok"[^}]*\} 1/);
  });

  it('reports not ready when a dependency is gone', async () => {
    const db = await testDatabase('kit');
    drop = db.drop;
    app = await buildMiniService(uniqueName('kit'), db.name);
    await app.mongo.close();

    const response = await app.inject({ method: 'GET', url: '/health/ready' });
    expect(response.statusCode).toBe(503);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.body).toContain('mongo');
  });
});
