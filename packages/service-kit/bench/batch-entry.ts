// pnpm --filter @ketnoi/service-kit bench:batch-entry [-- --entries=20 --events=300 --rounds=2]
// The life of a pending-index batch entry of `--events` events (~500 bytes of JSON each,
// about a notification's) on the running FerretDB (MONGO_URL), phase by phase: opened
// (inserted), settled, read by the relay (with the markers of tentative entries) and deleted.
// Three ways take turns entry by entry: `text+update` (as before: the batch as JSON text,
// settled by `$unset: { tentative }`, which FerretDB executes by rewriting the entry),
// `text+marker` (only the settle changed: a small marker beside the entry) and
// `deflated+marker` (what openBatchEntry and settleBatchEntry do now). Prints FerretDB's CPU
// (from /proc, 10 ms ticks), this process's CPU and the wall time per phase and way, summed.
import { processTicks } from '@ketnoi/testing';
import mongoose, { Schema } from 'mongoose';
import { batchBytes, entryVersions, openBatchEntry, pendingModelFor, settleBatchEntry, type EntryVersion } from '../src/outbox/pending-index.js';
import { settledMarkersFor } from '../src/outbox/settled-markers.js';

const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const ENTRIES = arg('entries', 20);
const EVENTS = arg('events', 300);
const ROUNDS = arg('rounds', 2);
const MONGO_URL = process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017';

const ferretdb = processTicks('ferretdb');
if (!ferretdb.found) process.stderr.write('no ferretdb process found: CPU shows 0\n');

const versionsOf = (entry: number): EntryVersion[] =>
  Array.from({ length: EVENTS }, (_, i) => {
    const matchId = `mat_${entry}_${String(i).padStart(5, '0')}`;
    return {
      id: `${matchId}:worker:1`,
      events: [
        {
          id: crypto.randomUUID(),
          topic: 'notifications.v1',
          type: 'notification.sent',
          subject: matchId,
          time: new Date().toISOString(),
          data: { matchId, vacancyId: `vac_${entry}`, workerId: `wrk_${i}`, channel: 'sms', template: 'match-proposed', locale: 'vi', outcome: 'sent', score: 0.8123, sentAt: new Date().toISOString(), attempt: 1, provider: 'bench', note: 'Co viec lam phu hop voi ban tai xa Phu Loc, huyen Phu Loc: tho may cong nghiep' },
        },
      ],
    };
  });

const connection = await mongoose.createConnection(MONGO_URL, { dbName: `bench_entry_${Date.now().toString(36)}`, serverSelectionTimeoutMS: 10_000 }).asPromise();
const versions = connection.model('BenchVersion', new Schema({ _id: String }), 'bench_versions');
const pending = pendingModelFor(versions);
const markers = settledMarkersFor(versions);
await Promise.all([pending.init(), markers.init()]);

const ways = ['text+update', 'text+marker', 'deflated+marker'] as const;
type Way = (typeof ways)[number];
const totals = new Map<string, { ticks: number; ms: number; node: number }>();
const phase = async <T>(way: Way, name: string, run: () => Promise<T>): Promise<T> => {
  const t0 = ferretdb.ticks();
  const w0 = performance.now();
  const c0 = process.cpuUsage();
  const result = await run();
  const c1 = process.cpuUsage(c0);
  const total = totals.get(`${name}\t${way}`) ?? { ticks: 0, ms: 0, node: 0 };
  total.node += (c1.user + c1.system) / 1000;
  total.ticks += ferretdb.ticks() - t0;
  total.ms += performance.now() - w0;
  totals.set(`${name}\t${way}`, total);
  return result;
};

const sample = versionsOf(0);
process.stderr.write(`entry of ${EVENTS} events: ${JSON.stringify(sample.map(({ id, events }) => [id, events])).length} bytes of JSON, ${batchBytes(sample).length} deflated\n`);
for (let round = 0; round < ROUNDS; round += 1) {
  for (let n = 0; n < ENTRIES; n += 1) {
    for (const way of n % 2 === 0 ? ways : [...ways].reverse()) {
      const opened = versionsOf(n);
      const id = await phase(way, '1 open (insert)', async () => {
        if (way === 'deflated+marker') return openBatchEntry(versions, opened, new Date());
        // As written before: the batch as JSON text.
        const _id = `batch:${crypto.randomUUID()}`;
        await pending.collection.insertOne({ _id, order: 1, events: '[]', batch: JSON.stringify(opened.map(({ id: v, events }) => [v, events])), at: new Date(), tentative: true } as never);
        return _id;
      });
      await phase(way, '2 settle', () =>
        way === 'text+update' ? pending.updateOne({ _id: id }, { $unset: { tentative: 1 } }).then(() => undefined) : settleBatchEntry(versions, id, opened, opened, new Date()),
      );
      // The relay's pass: the entries, their markers when tentative, the events, then the deletes.
      const read = await phase(way, '3 relay read', async () => {
        const entries = await pending.find().limit(10).lean();
        const tentative = entries.filter((entry) => entry.tentative).map((entry) => entry._id);
        if (tentative.length > 0) await markers.find({ _id: { $in: tentative } }).lean();
        return entries.flatMap((entry) => entryVersions(entry));
      });
      if (read.length !== EVENTS) throw new Error(`read ${read.length} versions, not ${EVENTS}`);
      await phase(way, '4 relay delete', async () => {
        await pending.deleteMany({ _id: { $in: [id] } });
        if (way !== 'text+update') await markers.deleteMany({ _id: { $in: [id] } });
      });
    }
  }
}

const rows = [...totals].sort(([a], [b]) => a.localeCompare(b));
const sum = (way: Way) => rows.filter(([key]) => key.endsWith(way)).reduce((acc, [, t]) => ({ ticks: acc.ticks + t.ticks, ms: acc.ms + t.ms, node: acc.node + t.node }), { ticks: 0, ms: 0, node: 0 });
console.log(`${ENTRIES * ROUNDS} entries of ${EVENTS} events per way; FerretDB CPU (ms) and wall (ms), summed`);
console.log('phase\tway\tferretdb cpu ms\tbench cpu ms\twall ms');
for (const [key, { ticks, ms, node }] of rows) console.log(`${key}\t${ticks * 10}\t${node.toFixed(0)}\t${ms.toFixed(0)}`);
for (const way of ways) console.log(`all\t${way}\t${sum(way).ticks * 10}\t${sum(way).node.toFixed(0)}\t${sum(way).ms.toFixed(0)}`);
await connection.dropDatabase();
await connection.close();
