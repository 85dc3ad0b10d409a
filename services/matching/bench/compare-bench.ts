/*
 * Side by side on the same data and queries: our index, the brute-force oracle, Orama (filters, then
 * re-rank of its hits with our scorer) and a naive matcher that asks MongoDB/FerretDB for candidates
 * and scores them in JS. `... compare-bench.ts [workers] [vacancies] [queries] [mongoQueries] [mongoUrl]`
 */
import { create, insertMultiple, search } from '@orama/orama';
import { referenceData } from '@ketnoi/reference-data';
import mongoose from 'mongoose';
import { monthIndex } from '../src/domain/age.js';
import { compileVacancy } from '../src/domain/compile-vacancy.js';
import { compileWorker } from '../src/domain/compile-worker.js';
import { evaluate } from '../src/domain/evaluate.js';
import { WORKER_FLAGS, type MatchVacancy } from '../src/domain/model.js';
import { byRank, type Ranked } from '../src/domain/ranking.js';
import { ReferenceTables } from '../src/domain/reference-tables.js';
import { DEFAULT_SCORING } from '../src/domain/scoring-config.js';
import { scoringContext } from '../src/domain/scoring-context.js';
import { MatchEngine } from '../src/engine/match-engine.js';
import { scanWorkers } from './oracles.js';
import { province } from './province.js';
import { fmt, percentile, recall, timed } from './stats.js';

const args = process.argv.slice(2);
const [workerCount = 100_000, vacancyCount = 10_000, queryCount = 50, mongoQueries = 10] = args.slice(0, 4).map(Number);
const mongoUrl = args[4] ?? 'mongodb://127.0.0.1:27017';
const out = (line = '') => process.stdout.write(`${line}\n`);
const config = DEFAULT_SCORING;
const K = config.kPerVacancy;
const CANDIDATES = 2000;

const tables = new ReferenceTables(referenceData);
const ctx = scoringContext(tables, config, monthIndex('2026-11'));
const engine = new MatchEngine(ctx);
const gen = province(referenceData);
const AVAILABLE = WORKER_FLAGS.looking | WORKER_FLAGS.consent;
const subMajors = (codes: string[]) => [...new Set(codes.map((c) => c.slice(0, 2)))];

const orama = create({ schema: { available: 'boolean', groups: 'enum[]' } as const });
const docs: { id: string; available: boolean; groups: string[] }[] = [];
const snapshots = [];
for (let i = 0; i < workerCount; i += 1) {
  const snapshot = gen.worker(i);
  const w = compileWorker(snapshot, tables);
  engine.workers.upsert(w);
  const available = (w.flags & (AVAILABLE | WORKER_FLAGS.placed)) === AVAILABLE;
  docs.push({ id: w.id, available, groups: subMajors(snapshot.desiredOccupations) });
  snapshots.push({ _id: w.id, available, groups: subMajors(snapshot.desiredOccupations), snapshot });
}
const oramaInsertStarted = performance.now();
await insertMultiple(orama, docs, 5000);
const oramaInsertMs = performance.now() - oramaInsertStarted;
for (let i = 0; i < vacancyCount; i += 1) engine.vacancies.upsert(compileVacancy(gen.vacancy(i), tables, config));
const queries = Array.from({ length: queryCount }, (_, i) => compileVacancy(gen.vacancy(vacancyCount + i), tables, config));

const rerank = (v: MatchVacancy, ids: Iterable<string>): Ranked[] => {
  const list: Ranked[] = [];
  for (const id of ids) {
    const slot = engine.workers.slotOf(id);
    if (slot === undefined) continue;
    const score = evaluate(ctx, engine.workers.view(slot), v);
    if (score >= 0) list.push({ id, score });
  }
  return list.sort(byRank).slice(0, K);
};

const results: Record<string, { ms: number[]; recall: number[] }> = { ours: { ms: [], recall: [] }, oracle: { ms: [], recall: [] }, orama: { ms: [], recall: [] }, mongo: { ms: [], recall: [] } };
const record = (method: string, ms: number, truth: Ranked[], found: Ranked[]) => {
  results[method]!.ms.push(ms);
  results[method]!.recall.push(recall(truth, found));
};

let mongoInsertMs = 0;
const connection = await mongoose.createConnection(mongoUrl, { dbName: `matching_compare_${Date.now()}` }).asPromise();
try {
  const collection = connection.collection('workers');
  const mongoStarted = performance.now();
  for (let i = 0; i < snapshots.length; i += 2000) await collection.insertMany(snapshots.slice(i, i + 2000) as never[], { ordered: false });
  mongoInsertMs = performance.now() - mongoStarted;
  for (const [q, v] of queries.entries()) {
    const [truth, oracleMs] = timed(() => scanWorkers(ctx, engine.workers, v, K));
    record('oracle', oracleMs, truth, truth);
    const [found, ms] = timed(() => engine.queryVacancy(v));
    record('ours', ms, truth, found);
    const group = tables.occupations.codeOf(v.occupation).slice(0, 2);
    const oramaStarted = performance.now();
    const hits = await search(orama, { term: '', where: { available: true, groups: { containsAny: [group] } }, limit: CANDIDATES });
    const oramaList = rerank(v, hits.hits.map((h) => h.id));
    record('orama', performance.now() - oramaStarted, truth, oramaList);
    if (q < mongoQueries) {
      const mongoStarted = performance.now();
      const rows = await collection.find({ available: true, groups: group }).limit(CANDIDATES).toArray();
      const list: Ranked[] = [];
      for (const row of rows) {
        const score = evaluate(ctx, compileWorker(row.snapshot, tables), v);
        if (score >= 0) list.push({ id: String(row._id), score });
      }
      record('mongo', performance.now() - mongoStarted, truth, list.sort(byRank).slice(0, K));
    }
  }
} finally {
  await connection.dropDatabase();
  await connection.close();
}

const oursP50 = percentile(results.ours!.ms, 50);
out(`Orama index built in ${(oramaInsertMs / 1000).toFixed(1)} s; FerretDB filled in ${(mongoInsertMs / 1000).toFixed(1)} s.`);
out(`## New vacancy → top-${K}: ${workerCount.toLocaleString('en')} workers, ${queryCount} queries (MongoDB: ${Math.min(mongoQueries, queryCount)})`);
out();
out('| method | p50 ms | p99 ms | p50 / ours | recall@50 vs oracle (mean) |');
out('| --- | ---: | ---: | ---: | ---: |');
const names: Record<string, string> = {
  ours: 'our index (exact)',
  oracle: 'brute-force oracle',
  orama: `Orama: filter (looking, same sub-major group), ${CANDIDATES} hits re-ranked by our scorer`,
  mongo: `naive: FerretDB query (same filter), ${CANDIDATES} candidates scored in JS`,
};
for (const [method, { ms, recall: r }] of Object.entries(results)) {
  if (ms.length === 0) continue;
  out(`| ${names[method]} | ${fmt(percentile(ms, 50))} | ${fmt(percentile(ms, 99))} | ${(percentile(ms, 50) / oursP50).toFixed(1)} | ${(r.reduce((a, b) => a + b, 0) / r.length).toFixed(3)} |`);
}
