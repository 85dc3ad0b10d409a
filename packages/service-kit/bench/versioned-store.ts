// pnpm --filter @ketnoi/service-kit bench [-- --entities=300 --versions=2 --batch=100 --reads=30 --concurrency=8]
// Writes N entities × M versions of a worker-sized state through the VersionedStore
// (packed states) and through the store as it was (nested states: `packStates: false`),
// side by side against the running FerretDB (MONGO_URL, default mongodb://127.0.0.1:27017),
// each on a database of its own. The two layouts take turns batch by batch, so a busy
// shared machine slows both alike. Prints ops/s and p50/p99 per batch (createMany) or
// per operation (save, get, history; --reads of each).
import mongoose, { Schema, type Connection } from 'mongoose';
import type { PendingEvent } from '../src/index.js';
import { VersionedStore } from '../src/index.js';
import { benchState, type BenchState } from './realistic-state.js';

const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const ENTITIES = arg('entities', 300);
const VERSIONS = arg('versions', 2);
const BATCH = arg('batch', 100);
const CONCURRENCY = arg('concurrency', 8);
const MONGO_URL = process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017';

type Store = Pick<VersionedStore<BenchState>, 'init' | 'get' | 'history' | 'save' | 'createMany'>;
interface Side {
  name: string;
  connection: Connection;
  store: Store;
  samples: Map<string, { ms: number[]; ops: number; wall: number }>;
}

const headSchema = () =>
  new Schema({ status: { type: String, index: true }, communeCode: { type: String, index: true } }, { strict: false, minimize: false });
const id = (i: number) => `wrk_${String(i).padStart(7, '0')}`;
const event = (i: number, version: number, state: BenchState): PendingEvent => ({
  id: `${id(i)}:${version}:evt`,
  topic: 'bench.workers.v1',
  type: version === 1 ? 'worker.registered' : 'worker.changed',
  subject: id(i),
  time: new Date().toISOString(),
  data: { workerId: id(i), version, communeCode: state.communeCode, occupationCode: state.profile.occupationCode, skills: state.profile.skills.map((s) => s.code) },
});

async function openSide(name: string, make: (connection: Connection) => Store): Promise<Side> {
  const dbName = `bench_vs_${name}_${Date.now().toString(36)}`;
  const connection = await mongoose.createConnection(MONGO_URL, { dbName, serverSelectionTimeoutMS: 10_000 }).asPromise();
  const store = make(connection);
  await store.init();
  return { name, connection, store, samples: new Map() };
}

/** Runs `count` tasks with at most CONCURRENCY at once; records each one's time under `phase`. */
async function timed(side: Side, phase: string, count: number, task: (k: number) => Promise<unknown>, concurrency = CONCURRENCY): Promise<void> {
  const sample = side.samples.get(phase) ?? { ms: [], ops: 0, wall: 0 };
  side.samples.set(phase, sample);
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const k = next++;
      const t0 = performance.now();
      await task(k);
      sample.ms.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  sample.wall += performance.now() - started;
  process.stderr.write(`${side.name} ${phase}: ${count} in ${(performance.now() - started).toFixed(0)} ms\n`);
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

const sides = [
  await openSide('nested', (connection) => new VersionedStore<BenchState>({ connection, name: 'workers', headSchema: headSchema(), packStates: false })),
  await openSide('packed', (connection) => new VersionedStore<BenchState>({ connection, name: 'workers', headSchema: headSchema() })),
];
/** Alternates which layout goes first, batch by batch. */
const inTurn = async (k: number, run: (side: Side) => Promise<void>) => {
  for (const side of k % 2 === 0 ? sides : [...sides].reverse()) await run(side);
};

try {
  const batches = Math.ceil(ENTITIES / BATCH);
  for (let b = 0; b < batches; b += 1) {
    const from = b * BATCH;
    const inputs = Array.from({ length: Math.min(BATCH, ENTITIES - from) }, (_, k) => {
      const state = benchState(from + k, 1);
      return { id: id(from + k), state, events: [event(from + k, 1, state)] };
    });
    await inTurn(b, (side) =>
      timed(side, `createMany (${BATCH}/batch)`, 1, async () => {
        const { created } = await side.store.createMany(inputs);
        side.samples.get(`createMany (${BATCH}/batch)`)!.ops += created.length;
      }),
    );
  }
  for (let version = 2; version <= VERSIONS; version += 1) {
    for (let b = 0; b < batches; b += 1) {
      const from = b * BATCH;
      const n = Math.min(BATCH, ENTITIES - from);
      await inTurn(b + version, (side) =>
        timed(side, 'save (update)', n, async (k) => {
          const state = benchState(from + k, version);
          await side.store.save({ id: id(from + k), expectedVersion: version - 1, state, events: [event(from + k, version, state)] });
          side.samples.get('save (update)')!.ops += 1;
        }),
      );
    }
  }
  const reads = Math.min(ENTITIES, arg('reads', 30));
  const chunk = 10;
  for (let from = 0; from < reads; from += chunk) {
    const n = Math.min(chunk, reads - from);
    await inTurn(from / chunk, (side) =>
      timed(side, `get (${reads})`, n, async (k) => {
        if ((await side.store.get(id(from + k)))?.version !== VERSIONS) throw new Error(`${side.name}: ${id(from + k)} is not at version ${VERSIONS}`);
        side.samples.get(`get (${reads})`)!.ops += 1;
      }),
    );
  }
  for (let from = 0; from < reads; from += chunk) {
    const n = Math.min(chunk, reads - from);
    await inTurn(from / chunk, (side) =>
      timed(side, `history (${reads})`, n, async (k) => {
        const history = await side.store.history(id(from + k));
        if (history.length !== VERSIONS || history[0]!.state.profile.skills.length !== 8) throw new Error(`${side.name}: bad history of ${id(from + k)}`);
        side.samples.get(`history (${reads})`)!.ops += 1;
      }),
    );
  }

  console.log(`\nVersionedStore on ${MONGO_URL}: ${ENTITIES} entities × ${VERSIONS} versions, concurrency ${CONCURRENCY}`);
  console.log('\n| phase | layout | ops | ops/s | p50 ms | p99 ms |\n| --- | --- | --- | --- | --- | --- |');
  for (const phase of sides[0]!.samples.keys()) {
    for (const side of sides) {
      const sample = side.samples.get(phase)!;
      const sorted = [...sample.ms].sort((a, b) => a - b);
      const rate = sample.ops / (sample.wall / 1000);
      const shown = rate < 10 ? rate.toFixed(2) : rate.toFixed(0);
      console.log(`| ${phase} | ${side.name} | ${sample.ops} | ${shown} | ${quantile(sorted, 0.5).toFixed(1)} | ${quantile(sorted, 0.99).toFixed(1)} |`);
    }
  }
} finally {
  for (const side of sides) {
    await side.connection.dropDatabase();
    await side.connection.close();
  }
}
