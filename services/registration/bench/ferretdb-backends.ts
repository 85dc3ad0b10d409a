// pnpm --filter @ketnoi/registration bench:ferretdb -- --sqlite=mongodb://127.0.0.1:27317/ --postgresql=mongodb://127.0.0.1:27217/
// Single-operation costs of FerretDB 1.24 on its two backends, side by side in
// one run, at 1k/10k/100k documents: the write patterns KetNoi relies on (insert,
// bulk insert, replace/update/delete by _id), a look-up by an indexed secondary
// field, and whether concurrent $inc updates of one document lose updates.
import { cpus } from 'node:os';
import mongoose from 'mongoose';

type Db = mongoose.mongo.Db;
type Doc = { _id: string; k: number; aggregateId: string; state: Record<string, unknown>; outbox: unknown[]; n?: number };

const argOf = (name: string, fallback?: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=').slice(1).join('=') ?? fallback;
const SIZES = (argOf('sizes', '1000,10000,100000') ?? '').split(',').map(Number);
const BUDGET_MS = Number(argOf('budget-ms', '3000'));
const CLIENTS = Number(argOf('clients', '8'));
const INCS = Number(argOf('incs', '100'));
const backends = [
  ['sqlite', argOf('sqlite')],
  ['postgresql', argOf('postgresql')],
].filter((b): b is [string, string] => b[1] !== undefined);
if (backends.length === 0) throw new Error('give --sqlite=<mongodb url> and/or --postgresql=<mongodb url>');

// About the size of a registration's version document (state without sealed fields).
const state = {
  occupations: ['8212', '7212'],
  skills: [{ code: 'electronics-assembly', level: 3 }],
  qualification: 'intermediate',
  communeCode: '01840',
  expectedWageVnd: 7_500_000,
  sealed: 'x'.repeat(600),
};
const doc = (i: number, tag: string): Doc => ({ _id: `${tag}-${i}`, k: i, aggregateId: `w-${i}`, state, outbox: [] });

/** Mean and p50 of one operation, repeated until `budget` ms or `max` runs (at least 3). */
async function time(op: (i: number) => Promise<unknown>, max = 50, budget = BUDGET_MS) {
  const samples: number[] = [];
  const started = performance.now();
  while (samples.length < max && (samples.length < 3 || performance.now() - started < budget)) {
    const t0 = performance.now();
    await op(samples.length);
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return { mean: samples.reduce((s, x) => s + x, 0) / samples.length, p50: samples[Math.floor(samples.length / 2)]!, n: samples.length };
}

type Row = Map<string, string>;
const table = new Map<string, Row>();
const put = (what: string, backend: string, value: string) => {
  const row = table.get(what) ?? new Map<string, string>();
  row.set(backend, value);
  table.set(what, row);
};
const ms = (r: { mean: number; p50: number; n: number }) => `${r.p50.toFixed(1)} (mean ${r.mean.toFixed(1)}, n=${r.n})`;

async function measureSize(db: Db, backend: string, size: number) {
  const col = db.collection<Doc>(`ops_${size}`);
  await col.drop().catch(() => undefined);
  await col.createIndex({ k: 1 });
  const batches: number[] = [];
  for (let from = 0; from < size; from += 500) {
    const t0 = performance.now();
    await col.insertMany(Array.from({ length: Math.min(500, size - from) }, (_, j) => doc(from + j, 'd')), { ordered: false });
    batches.push(performance.now() - t0);
  }
  const lastBatches = batches.slice(-Math.min(batches.length, 10));
  put(`insertMany(500) at ${size}`, backend, `${(lastBatches.reduce((s, x) => s + x, 0) / lastBatches.length).toFixed(1)} (last ${lastBatches.length} batches)`);
  const pick = (i: number) => (i * 7919) % size;
  put(`insertOne at ${size}`, backend, ms(await time((i) => col.insertOne(doc(i, 'one')))));
  put(`findOne by _id at ${size}`, backend, ms(await time((i) => col.findOne({ _id: `d-${pick(i)}` }))));
  put(`findOne by indexed k at ${size}`, backend, ms(await time((i) => col.findOne({ k: pick(i + 1) }))));
  put(`replaceOne by _id at ${size}`, backend, ms(await time((i) => col.replaceOne({ _id: `d-${pick(i + 2)}` }, { ...doc(pick(i + 2), 'd'), outbox: [] }), 30)));
  put(`updateOne by _id ($set) at ${size}`, backend, ms(await time((i) => col.updateOne({ _id: `d-${pick(i + 3)}` }, { $set: { outbox: [] } }), 30)));
  put(`deleteOne by _id at ${size}`, backend, ms(await time((i) => col.deleteOne({ _id: `d-${pick(i + 4)}` }), 30)));
  await col.drop();
}

/** CLIENTS separate connections each $inc one document INCS times at once; returns how many increments were lost. */
async function lostUpdates(url: string, dbName: string) {
  const clients = await Promise.all(Array.from({ length: CLIENTS }, () => new mongoose.mongo.MongoClient(url, { maxPoolSize: 1 }).connect()));
  try {
    const col = (c: mongoose.mongo.MongoClient) => c.db(dbName).collection<{ _id: string; n: number }>('counter');
    await col(clients[0]!).insertOne({ _id: 'c', n: 0 });
    const t0 = performance.now();
    await Promise.all(clients.map(async (c) => {
      for (let i = 0; i < INCS; i += 1) await col(c).updateOne({ _id: 'c' }, { $inc: { n: 1 } });
    }));
    const seconds = (performance.now() - t0) / 1000;
    const final = (await col(clients[0]!).findOne({ _id: 'c' }))?.n ?? 0;
    return { expected: CLIENTS * INCS, final, seconds };
  } finally {
    await Promise.all(clients.map((c) => c.close()));
  }
}

for (const [backend, url] of backends) {
  const dbName = `opsbench_${Date.now().toString(36)}`;
  const client = await new mongoose.mongo.MongoClient(url).connect();
  const db = client.db(dbName);
  try {
    for (const size of SIZES) {
      process.stderr.write(`[bench] ${new Date().toISOString()} ${backend} at ${size} documents\n`);
      await measureSize(db, backend, size);
    }
    const lost = await lostUpdates(url, dbName);
    put(`${CLIENTS} clients × ${INCS} $inc of one doc`, backend, `n=${lost.final} of ${lost.expected}: ${lost.expected - lost.final} lost (${(lost.expected / lost.seconds).toFixed(0)}/s)`);
  } finally {
    await db.dropDatabase().catch(() => undefined);
    await client.close();
  }
}

const names = backends.map(([b]) => b);
console.log(`\nFerretDB 1.24 backends, ms per operation (p50) — ${cpus().length} × ${cpus()[0]?.model}, Node ${process.version}\n`);
console.log(`| operation | ${names.join(' | ')} |`);
console.log(`| --- | ${names.map(() => '---').join(' | ')} |`);
for (const [what, row] of table) console.log(`| ${what} | ${names.map((b) => row.get(b) ?? '–').join(' | ')} |`);
