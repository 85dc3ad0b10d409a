import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestVacanciesTopic } from '@ketnoi/contracts';
import { waitFor } from '@ketnoi/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { createEventService, listenWhileStarting, type ServiceApp, type StartingService } from '../../src/index.js';
import { memoryLogger, testConfig } from '../helpers.js';
import { aVacancySubmitted, storeVacanciesConsumer, storedVacancies } from './store-vacancies.js';

// Its own Kafka and FerretDB, on ports of their own, started only after the
// service: the shared ones are never stopped.
const root = join(import.meta.dirname, '../../../..');
const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

function infra(script: string, verb: string, env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [join(root, script), verb], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let output = '';
    child.stderr.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-2_000)));
    child.once('close', (code) => (code === 0 ? resolve() : reject(new Error(`${script} ${verb}: ${code} ${output}`))));
  });
}

describe('a service started while Kafka and FerretDB are down', () => {
  let dataDir = '';
  let env: Record<string, string> = {};
  let service: StartingService<ServiceApp> | undefined;
  afterAll(async () => {
    await service?.close();
    if (dataDir) {
      await Promise.allSettled([infra('infra/kafka/kafka.sh', 'stop', env), infra('infra/ferretdb/ferretdb.sh', 'stop', env)]);
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('listens at once (live 200, ready 503 with the reason), then connects, joins and consumes once they are up', { timeout: 400_000 }, async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'kit-outage-'));
    const [kafkaPort, controllerPort, ferretPort] = [await freePort(), await freePort(), await freePort()];
    env = { KETNOI_DATA_DIR: dataDir, KAFKA_PORT: String(kafkaPort), KAFKA_CONTROLLER_PORT: String(controllerPort), FERRETDB_PORT: String(ferretPort) };
    const config = testConfig({ MONGO_URL: `mongodb://127.0.0.1:${ferretPort}/outage`, KAFKA_BROKERS: `127.0.0.1:${kafkaPort}` });
    const { logger, lines } = memoryLogger();
    const build = async () => {
      const app = await createEventService({ config, logger, defaultMetrics: false, source: '/ketnoi/outage-test', produces: [ingestVacanciesTopic] });
      await app.register(storeVacanciesConsumer());
      return app;
    };
    service = await listenWhileStarting({ build, host: '127.0.0.1', port: 0, log: logger, backoff: { initialMs: 200, maxMs: 2_000 } });
    const url = `http://127.0.0.1:${service.port}`;

    expect((await fetch(`${url}/health/live`)).status).toBe(200);
    const notReady = await waitFor(async () => {
      const response = await fetch(`${url}/health/ready`);
      const body = (await response.json()) as { failing: string[]; checks: { startup: { reason: string } } };
      return response.status === 503 && body.checks.startup.reason.includes('failed') && body;
    }, { timeoutMs: 60_000, what: 'a failed start-up reported by readiness' });
    expect(notReady.failing).toEqual(['startup']);
    expect((await fetch(`${url}/health/ready`)).headers.get('content-type')).toBe('application/problem+json');
    expect((await fetch(`${url}/docs/json`)).status).toBe(503);

    await infra('infra/ferretdb/ferretdb.sh', 'start', env);
    await infra('infra/kafka/kafka.sh', 'start', env);
    await waitFor(async () => (await fetch(`${url}/health/ready`)).status === 200, { timeoutMs: 240_000, intervalMs: 500, what: 'ready once both are up' });
    const failures = lines().filter((line) => line.msg === 'start-up failed; trying again');
    expect(failures.length).toBeGreaterThan(0);
    expect((await fetch(`${url}/health/live`)).status).toBe(200);

    const app = await service.ready;
    const [event] = await app.publisher.publish(ingestVacanciesTopic, [aVacancySubmitted('ext-outage')]);
    const stored = await waitFor(() => storedVacancies(app).findById(event!.id).lean(), { timeoutMs: 60_000, what: 'the event consumed' });
    expect(stored).toMatchObject({ externalRef: 'ext-outage', title: 'Thợ hàn' });
  });
});
