/*
 * Before / after, per query, in one process: `tsx --conditions=@ketnoi/source bench/compare-trees.ts <other services/matching> [workers] [vacancies] [queries] [k per worker]`
 * (e.g. a copy of HEAD's services/matching beside the same node_modules). Both trees' indexes are loaded from the same workers and
 * vacancies as at start-up (`upsertMany`); each new vacancy (and worker) is queried by the other tree and by this one in turn, three times each, and the least
 * main-thread CPU time of each is kept, so both meet the same load. Fails when a list differs.
 */
import { referenceData } from '@ketnoi/reference-data';
import { monthIndex } from '../src/domain/age.js';
import { compileVacancy } from '../src/domain/compile-vacancy.js';
import { compileWorker } from '../src/domain/compile-worker.js';
import { ReferenceTables } from '../src/domain/reference-tables.js';
import { DEFAULT_SCORING } from '../src/domain/scoring-config.js';
import { scoringContext } from '../src/domain/scoring-context.js';
import { MatchEngine } from '../src/engine/match-engine.js';
import { topVacancies } from '../src/index/worker-query.js';
import { province } from './province.js';
import { percentile, timedCpu } from './stats.js';

const [other, ...rest] = process.argv.slice(2);
if (!other) throw new Error('usage: compare-trees.ts <other services/matching> [workers] [vacancies] [queries]');
const [workerCount = 1_000_000, vacancyCount = 100_000, queryCount = 400, workerK = DEFAULT_SCORING.kPerWorker] = rest.map(Number);
// The other tree's modules have the same shapes (the compiled workers and vacancies are shared).
const { MatchEngine: OtherEngine } = (await import(`${other}/src/engine/match-engine.ts`)) as { MatchEngine: typeof MatchEngine };
const { topVacancies: otherTopVacancies } = (await import(`${other}/src/index/worker-query.ts`)) as { topVacancies: typeof topVacancies };

const tables = new ReferenceTables(referenceData);
const config = DEFAULT_SCORING;
const ctx = scoringContext(tables, config, monthIndex('2026-11'));
const [before, now] = [new OtherEngine(ctx), new MatchEngine(ctx)];
const gen = province(referenceData);
{
  // Loaded as the service does at start-up (`upsertMany`: each tree lays its index out its own way).
  const loaded = Array.from({ length: workerCount }, (_, i) => compileWorker(gen.worker(i), tables));
  for (const engine of [before, now]) engine.workers.upsertMany(loaded);
}
{
  const loaded = Array.from({ length: vacancyCount }, (_, i) => compileVacancy(gen.vacancy(i), tables, config));
  for (const engine of [before, now]) engine.vacancies.upsertMany(loaded);
}
// The main thread's CPU (timedCpu's last): the process's also counts V8's threads running beside the query.
const least = (work: () => unknown) => Math.min(...[0, 1, 2].map(() => timedCpu(work)[3]));
const out = (line: string) => process.stdout.write(`${line}\n`);
const row = (name: string, ms: number[]) =>
  out(`| ${name} | ${[50, 95, 99, 100].map((p) => percentile(ms, p).toFixed(2)).join(' | ')} | ${ms.reduce((n, x) => n + x, 0).toFixed(0)} |`);

const vacancies = Array.from({ length: queryCount }, (_, i) => compileVacancy(gen.vacancy(vacancyCount + i), tables, config));
const workers = Array.from({ length: queryCount }, (_, i) => compileWorker(gen.worker(workerCount + i), tables));
for (const v of vacancies.slice(0, 20)) for (const engine of [before, now]) engine.queryVacancy(v);
const times = { vacancyBefore: [] as number[], vacancyNow: [] as number[], workerBefore: [] as number[], workerNow: [] as number[] };
for (const v of vacancies) {
  times.vacancyBefore.push(least(() => before.queryVacancy(v)));
  times.vacancyNow.push(least(() => now.queryVacancy(v)));
  if (JSON.stringify(before.queryVacancy(v)) !== JSON.stringify(now.queryVacancy(v))) throw new Error(`the lists of ${v.id} differ`);
}
for (const w of workers) {
  times.workerBefore.push(least(() => otherTopVacancies(ctx, before.vacancies, w, workerK)));
  times.workerNow.push(least(() => topVacancies(ctx, now.vacancies, w, workerK)));
  if (JSON.stringify(otherTopVacancies(ctx, before.vacancies, w, workerK)) !== JSON.stringify(topVacancies(ctx, now.vacancies, w, workerK)))
    throw new Error(`the lists of ${w.id} differ`);
}
out(`${workerCount.toLocaleString('en')} workers, ${vacancyCount.toLocaleString('en')} vacancies, ${queryCount} queries each`);
out('| CPU ms per query (least of 3) | p50 | p95 | p99 | max | sum |');
out('| --- | ---: | ---: | ---: | ---: | ---: |');
row('new vacancy → top-K workers, before', times.vacancyBefore);
row('new vacancy → top-K workers, now', times.vacancyNow);
row(`new worker → top-${workerK} vacancies, before`, times.workerBefore);
row(`new worker → top-${workerK} vacancies, now`, times.workerNow);
// The tail, query by query: the slowest of either tree.
const slowest = (a: number[], b: number[]) => [...a.keys()].sort((i, j) => Math.max(b[j]!, a[j]!) - Math.max(b[i]!, a[i]!)).slice(0, 6);
for (const i of slowest(times.vacancyBefore, times.vacancyNow)) out(`vacancy ${vacancies[i]!.id} (${tables.occupations.codeOf(vacancies[i]!.occupation)}): ${times.vacancyBefore[i]!.toFixed(2)} → ${times.vacancyNow[i]!.toFixed(2)} ms`);
for (const i of slowest(times.workerBefore, times.workerNow)) out(`worker ${workers[i]!.id}: ${times.workerBefore[i]!.toFixed(2)} → ${times.workerNow[i]!.toFixed(2)} ms`);
out(`index bytes per worker: before ${(before.workers.bytes / before.workers.size).toFixed(1)}, now ${(now.workers.bytes / now.workers.size).toFixed(1)}`);
