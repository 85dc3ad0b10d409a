// pnpm bench (in services/registration): sustained POST /v1/workers and a
// 100k-row import against the real FerretDB and Kafka, side by side with the
// floor of the same run (raw inserts of the same documents, and an HTTP route
// that validates the same body and stores nothing).
import { cpus, totalmem } from 'node:os';
import { workerProfile } from '@ketnoi/contracts';
import { readTable } from '@ketnoi/tabular';
import { importWorkers } from '../src/use-cases/import-workers.js';
import { arg, benchService } from './bench-service.js';
import { load, row } from './load.js';
import { person, peopleCsv } from './people.js';

const REQUESTS = arg('requests', 1000);
const CONCURRENCY = arg('concurrency', 32);
const IMPORT_ROWS = arg('import-rows', 10_000);
// The import goes in files of this many rows and stops starting new ones after this long.
const IMPORT_SLICE = arg('import-slice', 10_000);
const IMPORT_SECONDS = arg('import-seconds', 600);
const DRAIN_SECONDS = arg('drain-seconds', 300);

const { issuer, config, app } = await benchService('bench');
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
const versionDoc = (await app.mongo.db!.collection('workers_versions').findOne()) ?? { state: person(0), stateJson: undefined };

const phase = (name: string) => process.stderr.write(`[bench] ${new Date().toISOString()} ${name}\n`);
phase('measuring');
const results = {
  validateOnly: await load(REQUESTS, CONCURRENCY, (i) => post('/bench/validate-only', i)()),
  rawInsert: await load(REQUESTS, CONCURRENCY, async (i) => {
    await rawCollection.insertOne({ _id: `raw-${i}` as never, state: versionDoc.state, stateJson: versionDoc.stateJson, outbox: [], at: new Date() });
  }),
  register: await load(REQUESTS, CONCURRENCY, (i) => post('/v1/workers', i)()),
};

console.log(`\nregistration benchmark — ${cpus().length} × ${cpus()[0]?.model}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
console.log(`FerretDB at ${config.MONGO_URL}, Kafka at ${config.KAFKA_BROKERS.join(',')}; ${REQUESTS} requests, ${CONCURRENCY} in flight\n`);
console.log('| what                                         |    req/s | p50 ms  | p99 ms  |');
console.log('| -------------------------------------------- | -------- | ------- | ------- |');
console.log(row('floor: HTTP + auth + validation, no storage', results.validateOnly));
console.log(row('floor: raw insertOne of a version document', results.rawInsert));
console.log(row('POST /v1/workers (full: check, seal, store)', results.register));
console.log(`POST /v1/workers reaches ${((100 * results.register.perSecond) / results.rawInsert.perSecond).toFixed(0)}% of raw single inserts\n`);

// A centre's files of IMPORT_SLICE rows one after another, while the outbox relay publishes.
const pending = app.mongo.db!.collection('workers_versions_pending');
const importStarted = performance.now();
const elapsed = () => (performance.now() - importStarted) / 1000;
const totals = { rows: 0, registered: 0, rejected: 0 };
for (let from = 0; from < IMPORT_ROWS && elapsed() < IMPORT_SECONDS; from += IMPORT_SLICE) {
  const count = Math.min(IMPORT_SLICE, IMPORT_ROWS - from);
  const table = await readTable(Buffer.from(peopleCsv(500_000 + from, count)), 'text/csv');
  const report = await importWorkers(app.registration, table, { id: 'bench' });
  totals.rows += count;
  totals.registered += report.registered;
  totals.rejected += report.rejected;
  phase(`imported ${totals.rows} rows in ${elapsed().toFixed(0)} s (${(totals.rows / elapsed()).toFixed(0)} rows/s)`);
}
const importSeconds = elapsed();
// The import is done for the rest of the system once its events are on Kafka.
const drainDeadline = performance.now() + DRAIN_SECONDS * 1000;
while ((await pending.findOne({}, { projection: { _id: 1 } })) && performance.now() < drainDeadline) {
  await new Promise((resolve) => setTimeout(resolve, 500));
}
const drained = !(await pending.findOne({}, { projection: { _id: 1 } }));
const publishedSeconds = elapsed();

if (totals.rows > 0) {
  console.log(
    `import of ${totals.rows}${totals.rows < IMPORT_ROWS ? ` of ${IMPORT_ROWS} (stopped after ${IMPORT_SECONDS} s)` : ''} CSV rows in files of ${IMPORT_SLICE}: ` +
      `${importSeconds.toFixed(1)} s (${(totals.rows / importSeconds).toFixed(0)} rows/s); registered ${totals.registered}, rejected ${totals.rejected}`,
  );
  console.log(
    drained
      ? `every event published ${publishedSeconds.toFixed(1)} s after the import started (${(totals.registered / publishedSeconds).toFixed(0)} workers/s end to end)\n`
      : `events still unpublished ${DRAIN_SECONDS} s after the import ended\n`,
  );
}

await app.mongo.dropDatabase();
await app.close();
