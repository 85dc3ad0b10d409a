// npx tsx --conditions=@ketnoi/source bench/ingest-profile.ts [--batches=4] [--batch=500]
// Where the time of an ingest batch goes: ingestWorkers() on batches of new
// people, each bulk write timed (wall time: waiting for a busy FerretDB counts),
// then the same batches again (a redelivery: every event unchanged).
// --backlog: the outbox relay is stopped while the batches are written and
// started after, so that its draining of a backlog is timed on its own.
// --new-only: no redelivery (e.g. for a CPU profile of new people alone).
// CPU per event: this process's, and with BENCH_FERRETDB_PID_FILE / BENCH_POSTGRES_PID_FILE
// (postmaster.pid) FerretDB's and PostgreSQL's (`cpu-meter.ts`: use an instance of your own).
import { pendingModelFor } from '@ketnoi/service-kit';
import { arg, benchService, stepTimer } from './bench-service.js';
import { ingestWorkers, type IngestInput } from '../src/use-cases/ingest-workers.js';
import { cpuMeter } from './cpu-meter.js';
import { person } from './people.js';

const BATCHES = arg('batches', 4);
const BATCH = arg('batch', 500);
const BACKLOG = process.argv.includes('--backlog');
const { app } = await benchService('ingest-profile');
await app.ready();

const { stats, timed, print: printSteps } = stepTimer();
const deps = app.registration as unknown as Record<string, Record<string, unknown>>;
timed('identities.claimMany', deps.identities!, 'claimMany');
timed('identities.claim (one by one)', deps.identities!, 'claim');
timed('keys.createMany', deps.keys!, 'createMany');
timed('keys.get', deps.keys!, 'get');
timed('store.createMany (versions + pending + heads)', deps.store!, 'createMany');
timed('store.get (head)', deps.store!, 'get');
timed('store.getMany (known people\'s heads)', deps.store!, 'getMany');
timed('audit.recordMany', deps.audit!, 'recordMany');
// Bulk inserts go through the driver's collections (one-off inserts through the models).
timed('  versions.insertMany', app.registration.store.versions.collection as unknown as Record<string, unknown>, 'insertMany');
timed('  heads.insertMany', app.registration.store.heads.collection as unknown as Record<string, unknown>, 'insertMany');

// The outbox relay running beside it: each batch it publishes, and each mark.
const relay = app.outboxes.get(app.registration.store.versions.modelName)! as unknown as Record<string, unknown>;
timed('relay.flushOnce (read, publish, drop index entries)', relay, 'flushOnce');
timed('relay.markPublished (empty outboxes)', relay, 'markPublished');
timed('  relay: read a batch of the pending index', relay, 'nextBatch');
timed('  relay: publish', relay, 'publishInOrder');
timed('  relay: drop its index entries (deleteMany)', pendingModelFor(app.registration.store.versions) as unknown as Record<string, unknown>, 'deleteMany');
const pending = app.registration.store.versions.db.collection(`${app.registration.store.versions.collection.collectionName}_pending`);

const cpu = cpuMeter();
const actor = { id: 'ingest:/bench' };
const batch = (b: number): IngestInput[] =>
  Array.from({ length: BATCH }, (_, i) => ({ kind: 'register', profile: person(700_000 + b * BATCH + i), externalRef: `bench-${b}-${i}`, actor, eventId: `e-${b}-${i}` }));
for (const pass of process.argv.includes('--new-only') ? ['new people'] : ['new people', 'redelivered']) {
  stats.clear();
  cpu.reset();
  if (BACKLOG) await app.outboxes.get(app.registration.store.versions.modelName)!.stop();
  const t0 = performance.now();
  for (let b = 0; b < BATCHES; b += 1) await ingestWorkers(app.registration, batch(b));
  const seconds = (performance.now() - t0) / 1000;
  if (BACKLOG) app.outboxes.get(app.registration.store.versions.modelName)!.start();
  while ((await pending.countDocuments()) > 0) await new Promise((resolve) => setTimeout(resolve, 100));
  const drained = (performance.now() - t0) / 1000 - seconds;
  console.log(`\n${pass}: ${BATCHES} × ${BATCH} events in ${seconds.toFixed(1)} s (${Math.round((BATCHES * BATCH) / seconds)}/s); outbox drained ${drained.toFixed(1)} s after`);
  console.log(`CPU per event, writes and drain: ${JSON.stringify(cpu.perUnit(BATCHES * BATCH))}`);
  console.log('| step | count | total ms | mean ms |\n| --- | --- | --- | --- |');
  printSteps();
}
await app.mongo.dropDatabase();
await app.close();
