// Sustained POST /v1/vacancies against the real FerretDB and Kafka: the service
// listens on 127.0.0.1 in this process, a child process generates the load.
// BENCH_SECONDS (20), BENCH_WARMUP_SECONDS (3), BENCH_CONCURRENCY (4), BENCH_RATE (open
// loop at this many requests per second instead of BENCH_CONCURRENCY closed loops),
// BENCH_NO_KEY (send no Idempotency-Key), BENCH_VERBOSE; MONGO_URL / KAFKA_BROKERS default to the
// local infra. It uses its own database and topics and removes them afterwards.
import { ingestVacanciesTopic, employersTopic, placementsTopic, vacanciesTopic } from '@ketnoi/contracts';
import { createKafka, withSuffix } from '@ketnoi/messaging';
import { createDevIssuer, loadConfig, pendingModelFor } from '@ketnoi/service-kit';
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { buildApp } from '../src/app.js';
import { configSchema } from '../src/config.js';
import { aTaxCode, aVacancyInput, anEmployerProfile } from '../test/mothers.js';

const env = process.env;
const seconds = Number(env.BENCH_SECONDS ?? 20);
const warmupSeconds = Number(env.BENCH_WARMUP_SECONDS ?? 3);
const concurrency = Number(env.BENCH_CONCURRENCY ?? 4);
const rate = Number(env.BENCH_RATE ?? 0);
const runId = `vi-bench-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
const dbName = runId.replace(/-/g, '_');

const config = loadConfig(configSchema, {
  // monitorCommands: the driver reports each command's round trip (below).
  MONGO_URL: env.MONGO_URL ?? 'mongodb://127.0.0.1:27017/?monitorCommands=true',
  MONGO_DB_NAME: dbName,
  KAFKA_BROKERS: env.KAFKA_BROKERS ?? '127.0.0.1:9092',
  AUTH_ISSUER: 'urn:ketnoi:dev-issuer',
  AUTH_AUDIENCE: 'ketnoi',
  LOG_LEVEL: 'warn',
  RATE_LIMIT_MAX: '100000000',
  INGEST_GROUP_ID: runId,
});
const issuer = await createDevIssuer({ issuer: config.AUTH_ISSUER, audience: config.AUTH_AUDIENCE });
const topicName = withSuffix(runId);
const app = await buildApp(config, {
  logger: pino({ level: 'warn' }),
  auth: { publicKey: issuer.publicKeyPem },
  topicName,
  defaultMetrics: false,
});
const address = await app.listen({ host: '127.0.0.1', port: 0 });

async function call<T>(path: string, token: string, body: unknown, form = false): Promise<T> {
  const response = await fetch(`${address}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json' },
    body: form ? new URLSearchParams(body as Record<string, string>).toString() : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

const withTimeout = <T>(work: Promise<T>, ms: number): Promise<T | undefined> =>
  Promise.race([work, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ms).unref())]);

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

try {
  const staff = await issuer.issue({ sub: 'bench-staff', roles: ['staff'] });
  const { communeCode, street, ...profile } = anEmployerProfile();
  const { employerId } = await call<{ employerId: string }>('/v1/employers', staff, { taxCode: aTaxCode(String(460_000_000 + Math.floor(Math.random() * 9e6))), ...profile, address: { communeCode, street } });
  const client = await call<{ clientId: string; clientSecret: string }>(`/v1/employers/${employerId}/clients`, staff, { label: 'bench' });
  const { access_token: token } = await call<{ access_token: string }>('/oauth/token', '', { grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret }, true);

  // Every database operation of the service (requests and outbox relays) while the load runs.
  const operations = new Map<string, number>();
  app.mongo.set('debug', (collection: string, method: string) => {
    const name = `${collection}.${method}`;
    operations.set(name, (operations.get(name) ?? 0) + 1);
  });
  const roundTrips = new Map<string, number[]>();
  const onCommand = (event: { commandName: string; duration: number }) => {
    const times = roundTrips.get(event.commandName) ?? [];
    times.push(event.duration);
    roundTrips.set(event.commandName, times);
  };
  app.mongo.getClient().on('commandSucceeded', onCommand);
  // The service's own CPU (this process; the load generator is another): requests, relays, its consumers.
  const cpuBefore = process.cpuUsage();
  const child = fork(fileURLToPath(new URL('./load.ts', import.meta.url)), { execArgv: ['--import', 'tsx'] });
  const result = await new Promise<{ latencies: number[]; statuses: Record<string, number>; sent: number }>((resolve, reject) => {
    child.once('message', (message) => resolve(message as never));
    child.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`load generator exited with ${code}`))));
    child.send({ url: `${address}/v1/vacancies`, token, body: aVacancyInput(), concurrency, rate, warmupSeconds, seconds });
  });
  app.mongo.set('debug', false);
  app.mongo.getClient().off('commandSucceeded', onCommand);
  const cpu = process.cpuUsage(cpuBefore);

  const sorted = result.latencies.sort((a, b) => a - b);
  const ok = result.statuses['201'] ?? 0;
  const others = Object.fromEntries(Object.entries(result.statuses).filter(([status]) => status !== '201'));
  console.log(
    [
      `POST /v1/vacancies, ${rate > 0 ? `open loop at ${rate}/s` : `${concurrency} concurrent clients`}, ${seconds} s measured after ${warmupSeconds} s warm-up (${runId})`,
      `  requests measured ${sorted.length}  (201: ${ok}, other: ${JSON.stringify(others)})`,
      `  throughput        ${(ok / seconds).toFixed(1)} vacancies/s`,
      `  latency ms        p50 ${percentile(sorted, 50).toFixed(1)}  p90 ${percentile(sorted, 90).toFixed(1)}  p99 ${percentile(sorted, 99).toFixed(1)}  max ${(sorted.at(-1) ?? NaN).toFixed(1)}`,
      `  service CPU       ${((cpu.user + cpu.system) / 1000 / result.sent).toFixed(2)} ms per request sent (user ${(cpu.user / 1000 / result.sent).toFixed(2)}, system ${(cpu.system / 1000 / result.sent).toFixed(2)}; requests, relays and the bench's own counting of operations, warm-up included)`,
      `  database operations per request sent (requests and relays, warm-up included):`,
      ...[...operations].sort(([a], [b]) => a.localeCompare(b)).map(([name, n]) => `    ${name.padEnd(40)} ${(n / result.sent).toFixed(2)}`),
      `  FerretDB round trips by command (ms, as the driver saw them):`,
      ...[...roundTrips].map(([name, times]) => {
        const t = times.sort((a, b) => a - b);
        return `    ${name.padEnd(12)} n ${String(t.length).padStart(6)}  p50 ${percentile(t, 50).toFixed(1)}  p99 ${percentile(t, 99).toFixed(1)}`;
      }),
    ].join('\n'),
  );

  // How long the outbox relay needs to publish what the load wrote (bounded: FerretDB may be busy with others).
  const drainStart = performance.now();
  const pendingNow = () => withTimeout(pendingModelFor(app.stores.vacancies.versions).countDocuments(), 20_000);
  let pending = await pendingNow();
  while (pending !== 0 && performance.now() - drainStart < 90_000) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    pending = await pendingNow();
  }
  const drainSeconds = ((performance.now() - drainStart) / 1000).toFixed(1);
  const stored = await withTimeout(app.stores.vacancies.heads.countDocuments({}), 20_000);
  console.log(`  stored            ${stored ?? '?'} vacancies of ${result.sent} sent (warm-up included)`);
  console.log(pending === 0 ? `  events            all published ${drainSeconds} s after the load ended` : `  events            ${pending ?? '?'} versions still unpublished after ${drainSeconds} s`);
} finally {
  await withTimeout(app.close(), 20_000);
  const mongoose = await import('mongoose');
  const connection = await mongoose.default.createConnection(config.MONGO_URL, { dbName }).asPromise();
  await withTimeout(connection.dropDatabase(), 30_000);
  await connection.close();
  const admin = createKafka({ brokers: config.KAFKA_BROKERS, clientId: 'bench-cleanup', logger: pino({ level: 'silent' }) }).admin();
  await admin.connect();
  const topics = [employersTopic, vacanciesTopic, placementsTopic, ingestVacanciesTopic].map((t) => topicName(t.name));
  await admin.deleteTopics({ topics: [...topics, `${topicName(ingestVacanciesTopic.name)}.dlq`] }).catch(() => undefined);
  await admin.disconnect();
  process.exit(0);
}
