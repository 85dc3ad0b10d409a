/*
 * The matchers we compare our index with, built from the same compiled workers the index holds and answering the
 * same compiled vacancies: Orama (its filters, then its hits re-ranked with our scorer) and a naive matcher that asks
 * MongoDB (FerretDB here) for candidates and scores them in JS. Both filter on the same two fields: the worker is
 * available (looking, consenting, not placed) and desires an occupation in the vacancy's ISCO sub-major group.
 */
import { create, insertMultiple, search } from '@orama/orama';
import mongoose from 'mongoose';
import { evaluate } from '../src/domain/evaluate.js';
import { WORKER_FLAGS, type MatchVacancy } from '../src/domain/model.js';
import { byRank, type Ranked } from '../src/domain/ranking.js';
import type { ReferenceTables } from '../src/domain/reference-tables.js';
import type { ScoringContext } from '../src/domain/scoring-context.js';
import type { MatchEngine } from '../src/engine/match-engine.js';
import { recall, timedCpuAsync } from './stats.js';

/** Candidates each filter returns to be scored (more: better recall, slower). */
export const CANDIDATES = 2000;
const AVAILABLE = WORKER_FLAGS.looking | WORKER_FLAGS.consent;

export interface MatcherDoc {
  id: string;
  available: boolean;
  groups: string[];
}

export interface MethodRun {
  name: string;
  /** Wall ms per query. */
  ms: number[];
  /** CPU ms of this process per query (NaN where the work is in another process). */
  cpu: number[];
  recall: number[];
}

export interface OtherMatchers {
  runs: MethodRun[];
  oramaBuildMs: number;
  naiveFillMs: number;
  naiveDocs: number;
  /** What FerretDB says it does with the naive filter (`explain`). */
  naivePlan: string;
}

export interface CompareOptions {
  engine: MatchEngine;
  ctx: ScoringContext;
  tables: ReferenceTables;
  k: number;
  /** Vacancies to query, each with the oracle's top-K. */
  queries: MatchVacancy[];
  truths: Ranked[][];
  /** Only the first ones go to the database (each is a query of it). */
  naiveQueries: number;
  mongoUrl: string;
  dbName?: string;
}

/** Filter fields of every live worker of the index, in slot order. */
export function* matcherDocs(engine: MatchEngine, tables: ReferenceTables): Generator<MatcherDoc> {
  const index = engine.workers;
  for (let slot = 0; slot < index.highWater; slot += 1) {
    if (index.ids[slot] === undefined) continue;
    const w = index.view(slot);
    const groups = new Set<string>();
    for (let i = w.at; i < w.at + w.nOccupations; i += 1) groups.add(tables.occupations.codeOf(w.lists[i]!).slice(0, 2));
    yield { id: w.id, available: (w.flags & (AVAILABLE | WORKER_FLAGS.placed)) === AVAILABLE, groups: [...groups] };
  }
}

const subMajorOf = (tables: ReferenceTables, v: MatchVacancy) => tables.occupations.codeOf(v.occupation).slice(0, 2);

/** Our scorer on our compiled workers, for the candidates another method found. */
export function rerank(engine: MatchEngine, ctx: ScoringContext, v: MatchVacancy, ids: Iterable<string>, k: number): Ranked[] {
  const list: Ranked[] = [];
  for (const id of ids) {
    const slot = engine.workers.slotOf(id);
    if (slot === undefined) continue;
    const score = evaluate(ctx, engine.workers.view(slot), v);
    if (score >= 0) list.push({ id, score });
  }
  return list.sort(byRank).slice(0, k);
}

async function runOrama(o: CompareOptions): Promise<[MethodRun, number]> {
  const run: MethodRun = { name: `Orama: filter (available, same sub-major group), ${CANDIDATES} hits re-ranked by our scorer`, ms: [], cpu: [], recall: [] };
  const [orama, buildMs] = await (async () => {
    const started = performance.now();
    const db = create({ schema: { available: 'boolean', groups: 'enum[]' } as const });
    await insertMultiple(db, [...matcherDocs(o.engine, o.tables)], 5000);
    return [db, performance.now() - started] as const;
  })();
  for (const [q, v] of o.queries.entries()) {
    const [found, ms, cpu] = await timedCpuAsync(async () => {
      const hits = await search(orama, { term: '', where: { available: true, groups: { containsAny: [subMajorOf(o.tables, v)] } }, limit: CANDIDATES });
      return rerank(o.engine, o.ctx, v, hits.hits.map((h) => h.id), o.k);
    });
    run.ms.push(ms);
    run.cpu.push(cpu);
    run.recall.push(recall(o.truths[q]!, found));
  }
  return [run, buildMs];
}

const FILL_BATCH = 20_000;

async function runNaive(o: CompareOptions): Promise<[MethodRun, number, number, string]> {
  const run: MethodRun = { name: `naive: FerretDB query (same filter, indexed), ${CANDIDATES} candidates scored in JS`, ms: [], cpu: [], recall: [] };
  const connection = await mongoose.createConnection(o.mongoUrl, { dbName: o.dbName ?? 'bench_naive_matcher' }).asPromise();
  try {
    await connection.dropDatabase();
    const collection = connection.collection<{ _id: string; available: boolean; groups: string[] }>('workers');
    const started = performance.now();
    await collection.createIndex({ groups: 1, available: 1 });
    let batch: { _id: string; available: boolean; groups: string[] }[] = [];
    let count = 0;
    for (const d of matcherDocs(o.engine, o.tables)) {
      batch.push({ _id: d.id, available: d.available, groups: d.groups });
      if (batch.length === FILL_BATCH) {
        await collection.insertMany(batch, { ordered: false });
        count += batch.length;
        batch = [];
      }
    }
    if (batch.length > 0) await collection.insertMany(batch, { ordered: false });
    count += batch.length;
    const fillMs = performance.now() - started;
    const filterOf = (v: MatchVacancy) => ({ available: true, groups: subMajorOf(o.tables, v) });
    const plan = o.queries[0] ? await collection.find(filterOf(o.queries[0])).limit(CANDIDATES).explain() : {};
    for (const [q, v] of o.queries.slice(0, o.naiveQueries).entries()) {
      const [found, ms] = await timedCpuAsync(async () => {
        const rows = await collection.find(filterOf(v), { projection: { _id: 1 } }).limit(CANDIDATES).toArray();
        return rerank(o.engine, o.ctx, v, rows.map((row) => row._id), o.k);
      });
      run.ms.push(ms);
      // The filtering happens in FerretDB's process: this process's CPU would not say what the query cost.
      run.cpu.push(Number.NaN);
      run.recall.push(recall(o.truths[q]!, found));
    }
    return [run, fillMs, count, describePlan(plan)];
  } finally {
    await connection.dropDatabase();
    await connection.close();
  }
}

/** FerretDB's own explain fields say whether the filter reached its backend (`filterPushdown`) or was applied after a scan. */
const describePlan = (plan: Record<string, unknown>): string => {
  const keep = ['filterPushdown', 'sortPushdown', 'limitPushdown', 'unsafeFilterPushdown', 'queryPlanner'];
  return JSON.stringify(Object.fromEntries(Object.entries(plan).filter(([key]) => keep.includes(key))));
};

/** Orama on every query, then the naive matcher on the first `naiveQueries`; the database is dropped at the end. */
export async function compareOtherMatchers(o: CompareOptions): Promise<OtherMatchers> {
  const [orama, oramaBuildMs] = await runOrama(o);
  globalThis.gc?.();
  const [naive, naiveFillMs, naiveDocs, naivePlan] = await runNaive(o);
  return { runs: [orama, naive], oramaBuildMs, naiveFillMs, naiveDocs, naivePlan };
}
