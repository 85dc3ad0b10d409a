// pnpm --filter @ketnoi/service-kit bench:idempotency [-- --requests=400 --concurrency=32]
// What the Idempotency-Key plugin writes per request: a claim, the request's own work, its
// answer. Before: one insert each (model.create); after: the InsertBatcher's group commit.
// The two take turns round by round on databases of their own on the running FerretDB.
import { createHash } from 'node:crypto';
import mongoose from 'mongoose';
import { InsertBatcher } from '../src/idempotency/insert-batcher.js';
import { idempotencyModel } from '../src/idempotency/idempotency-record.js';

const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const REQUESTS = arg('requests', 400);
const CONCURRENCY = arg('concurrency', 32);
const ROUNDS = 4;
const MONGO_URL = process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017';
const hash = (text: string) => createHash('sha256').update(text).digest('hex');

type Insert = (doc: Record<string, unknown>) => Promise<unknown>;
const sides = await Promise.all(
  (['one insert each', 'group commit'] as const).map(async (name) => {
    const connection = await mongoose.createConnection(MONGO_URL, { dbName: `bench_idem_${name.includes('group') ? 'group' : 'single'}_${Date.now().toString(36)}` }).asPromise();
    const model = idempotencyModel(connection, 'idempotency_keys');
    await model.init();
    const batcher = new InsertBatcher(model.collection);
    const insert: Insert = name === 'group commit' ? (doc) => batcher.insert(doc) : (doc) => model.create(doc);
    return { name, connection, insert, ms: [] as number[], wall: 0 };
  }),
);

try {
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const side of round % 2 === 0 ? sides : [...sides].reverse()) {
      let next = 0;
      const started = performance.now();
      const worker = async () => {
        while (next < REQUESTS / ROUNDS) {
          const id = hash(`${round}:${next++}`);
          const t0 = performance.now();
          const now = Date.now();
          await side.insert({ _id: id, fingerprint: hash(id), createdAt: new Date(now), expiresAt: new Date(now + 86_400_000) });
          await new Promise((resolve) => setTimeout(resolve, 5)); // the request's own work
          await side.insert({ _id: `${id}:answer`, status: 201, headers: { 'content-type': 'application/json' }, body: `{"id":"${id}"}`, createdAt: new Date(), expiresAt: new Date(now + 86_400_000) });
          side.ms.push(performance.now() - t0);
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      side.wall += performance.now() - started;
      process.stderr.write(`${side.name} round ${round}: ${(performance.now() - started).toFixed(0)} ms\n`);
    }
  }
  console.log(`\nIdempotency-Key writes on ${MONGO_URL}: ${REQUESTS} requests (claim + answer), concurrency ${CONCURRENCY}`);
  console.log('\n| inserts | requests/s | p50 ms | p99 ms |\n| --- | --- | --- | --- |');
  for (const side of sides) {
    const sorted = [...side.ms].sort((a, b) => a - b);
    const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!.toFixed(1);
    console.log(`| ${side.name} | ${(side.ms.length / (side.wall / 1000)).toFixed(0)} | ${q(0.5)} | ${q(0.99)} |`);
  }
} finally {
  for (const side of sides) {
    await side.connection.dropDatabase();
    await side.connection.close();
  }
}
