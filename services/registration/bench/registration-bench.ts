// pnpm bench (in services/registration): sustained POST /v1/workers and a
// 100k-row import against the real FerretDB and Kafka, side by side with the
// floor of the same run (raw inserts of the same documents, and an HTTP route
// that validates the same body and stores nothing).
import { randomBytes } from 'node:crypto';
import { cpus, totalmem } from 'node:os';
import { workerProfile } from '@ketnoi/contracts';
import { withSuffix } from '@ketnoi/messaging';
import { createDevIssuer, createLogger, loadConfig } from '@ketnoi/service-kit';
import { readTable } from '@ketnoi/tabular';
import { buildApp } from '../src/app.js';
import { registrationConfigSchema } from '../src/config.js';
import { importWorkers } from '../src/use-cases/import-workers.js';
import { load, row } from './load.js';
import { person, peopleCsv } from './people.js';

const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const REQUESTS = arg('requests', 1000);
const CONCURRENCY = arg('concurrency', 32);
const IMPORT_ROWS = arg('import-rows', 10_000);

const env = process.env;
const issuer = await createDevIssuer();
const suffix = `bench-${Date.now().toString(36)}`;
const config = loadConfig(registrationConfigSchema, {
  SERVICE_NAME: 'registration',
  MONGO_URL: env.MONGO_URL ?? 'mongodb://127.0.0.1:27017',
  MONGO_DB_NAME: suffix.replace(/-/g, '_'),
  KAFKA_BROKERS: env.KAFKA_BROKERS ?? '127.0.0.1:9092',
  AUTH_ISSUER: issuer.issuer,
  AUTH_AUDIENCE: issuer.audience,
  AUTH_JWT_PUBLIC_KEY: issuer.publicKeyPem,
  REGISTRATION_MASTER_KEYS: `k1:${randomBytes(32).toString('base64')}`,
  REGISTRATION_MASTER_KEY_ID: 'k1',
  REGISTRATION_HASH_KEY: randomBytes(32).toString('base64'),
});
const app = await buildApp(config, { logger: createLogger({ serviceName: 'registration', level: 'warn' }), topicName: withSuffix(suffix), groupId: suffix });
app.post('/bench/validate-only', { schema: { body: workerProfile } }, async (_request, reply) => reply.code(204).send());
const base = await app.listen({ host: '127.0.0.1', port: 0 });
const authorization = `Bearer ${await issuer.issue({ sub: 'bench', roles: ['staff'] }, '2h')}`;
const headers = { authorization, 'content-type': 'application/json' };
const bodies = Array.from({ length: REQUESTS }, (_, i) => JSON.stringify(person(i)));

const post = (path: string, i: number) => async () => {
  const response = await fetch(`${base}${path}`, { method: 'POST', headers, body: bodies[i], signal: AbortSignal.timeout(60_000) });
  await response.arrayBuffer();
  if (response.status >= 300) throw new Error(`${path} answered ${response.status}`);
};

// Warm up connections, JIT and indexes.
await load(200, 8, (i) => post('/bench/validate-only', i)());
const rawCollection = app.mongo.db!.collection('bench_raw');
const versionDoc = (await app.mongo.db!.collection('workers_versions').findOne()) ?? { state: person(0) };

const phase = (name: string) => process.stderr.write(`[bench] ${new Date().toISOString()} ${name}\n`);
phase('measuring');
const results = {
  validateOnly: await load(REQUESTS, CONCURRENCY, (i) => post('/bench/validate-only', i)()),
  rawInsert: await load(REQUESTS, CONCURRENCY, async (i) => {
    await rawCollection.insertOne({ _id: `raw-${i}` as never, state: versionDoc.state, outbox: [], at: new Date() });
  }),
  register: await load(REQUESTS, CONCURRENCY, (i) => post('/v1/workers', i)()),
};

phase('importing');
const csv = Buffer.from(peopleCsv(500_000, IMPORT_ROWS));
const importStarted = performance.now();
const report = await importWorkers(app.registration, await readTable(csv, 'text/csv'), { id: 'bench' });
const importSeconds = (performance.now() - importStarted) / 1000;

console.log(`\nregistration benchmark — ${cpus().length} × ${cpus()[0]?.model}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
console.log(`FerretDB at ${config.MONGO_URL}, Kafka at ${config.KAFKA_BROKERS.join(',')}; ${REQUESTS} requests, ${CONCURRENCY} in flight\n`);
console.log('| what                                         |    req/s | p50 ms  | p99 ms  |');
console.log('| -------------------------------------------- | -------- | ------- | ------- |');
console.log(row('floor: HTTP + auth + validation, no storage', results.validateOnly));
console.log(row('floor: raw insertOne of a version document', results.rawInsert));
console.log(row('POST /v1/workers (full: check, seal, store)', results.register));
console.log(
  `\nimport of ${IMPORT_ROWS} CSV rows: ${importSeconds.toFixed(1)} s (${(IMPORT_ROWS / importSeconds).toFixed(0)} rows/s); ` +
    `registered ${report.registered}, rejected ${report.rejected}`,
);
console.log(`POST /v1/workers reaches ${((100 * results.register.perSecond) / results.rawInsert.perSecond).toFixed(0)}% of raw single inserts\n`);

await app.mongo.dropDatabase();
await app.close();
