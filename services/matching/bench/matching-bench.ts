/*
 * Benchmark of the matching index: `pnpm --filter @ketnoi/matching bench:matching [workers] [vacancies] [queries] [--slow] [--no-rematch] [--upserts]`.
 * --slow: prints each vacancy query over 10 ms (wall) with its counters; --no-rematch: skips the full re-match extrapolation (for quick
 * iterations); --upserts: fills every vacancy's list, then times MatchEngine.upsertWorker for the new workers.
 * --compare [--naive-queries=5] [--mongo-url=mongodb://127.0.0.1:27017]: adds Orama and the naive FerretDB matcher
 * (other-matchers.ts) to the vacancy rows, on the same workers and queries (the naive one on the first N only).
 */
import { cpus } from 'node:os';
import { referenceData } from '@ketnoi/reference-data';
import { monthIndex } from '../src/domain/age.js';
import { compileVacancy } from '../src/domain/compile-vacancy.js';
import { compileWorker } from '../src/domain/compile-worker.js';
import { ReferenceTables } from '../src/domain/reference-tables.js';
import { DEFAULT_SCORING } from '../src/domain/scoring-config.js';
import { scoringContext } from '../src/domain/scoring-context.js';
import type { Ranked } from '../src/domain/ranking.js';
import { MatchEngine } from '../src/engine/match-engine.js';
import { lastWorkerQuery, topVacancies } from '../src/index/worker-query.js';
import { scanVacancies, scanWorkers } from './oracles.js';
import { compareOtherMatchers, type OtherMatchers } from './other-matchers.js';
import { province } from './province.js';
import { fmt, percentile, recall, timed, timedCpu } from './stats.js';

const flags = new Set(process.argv.slice(2).filter((arg) => arg.startsWith('--')));
const [workerCount = 1_000_000, vacancyCount = 100_000, queryCount = 200] = process.argv
  .slice(2)
  .filter((arg) => !arg.startsWith('--'))
  .map(Number);
const option = (name: string, fallback: string) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const out = (line = '') => process.stdout.write(`${line}\n`);
const config = DEFAULT_SCORING;

const [tables, tablesMs] = timed(() => new ReferenceTables(referenceData));
const ctx = scoringContext(tables, config, monthIndex('2026-11'));
const engine = new MatchEngine(ctx);
const gen = province(referenceData);

const heapBefore = process.memoryUsage().heapUsed;
const [, workersMs] = timed(() => {
  // As the service does at start-up (`upsertMany`: a group's members in neighbouring slots).
  engine.workers.upsertMany(Array.from({ length: workerCount }, (_, i) => compileWorker(gen.worker(i), tables)));
});
const [, vacanciesMs] = timed(() => {
  engine.vacancies.upsertMany(Array.from({ length: vacancyCount }, (_, i) => compileVacancy(gen.vacancy(i), tables, config)));
});
globalThis.gc?.();
const heapAfter = process.memoryUsage().heapUsed;

const queryVacancies = Array.from({ length: queryCount }, (_, i) => compileVacancy(gen.vacancy(vacancyCount + i), tables, config));
const queryWorkers = Array.from({ length: queryCount }, (_, i) => compileWorker(gen.worker(workerCount + i), tables));

// Warm-up on queries that are not timed (generated after the timed ones, which stay the same), so that the JIT has
// compiled the hot loops: a process's first few dozen queries pay its tier-up (bench/cold-warm.ts; a service pays it
// once after its start). Timing queries already run once (as the first 20 were) would time them warm.
const WARM_UP = 60;
for (let i = 0; i < WARM_UP; i += 1) engine.queryVacancy(compileVacancy(gen.vacancy(vacancyCount + queryCount + i), tables, config));
for (let i = 0; i < WARM_UP; i += 1) topVacancies(ctx, engine.vacancies, compileWorker(gen.worker(workerCount + queryCount + i), tables), config.kPerWorker);

const ours: number[] = [];
const brute: number[] = [];
const oursCpu: number[] = [];
const oursThread: number[] = [];
const bruteCpu: number[] = [];
const pastCeiling: number[] = [];
const holders: number[] = [];
const scored: number[] = [];
const touched: number[] = [];
const groupsBounded: number[] = [];
const blocksOpened: number[] = [];
let scannedAll = 0;
const slow: string[] = [];
let vacancyRecall = 0;
const vacancyTruths: Ranked[][] = [];
for (const v of queryVacancies) {
  const [found, ms, cpuMs, threadMs] = timedCpu(() => engine.queryVacancy(v));
  oursCpu.push(cpuMs);
  oursThread.push(threadMs);
  // Absent from builds before these counters existed (the benchmark is also run against older trees).
  pastCeiling.push(engine.lastQuery.pastCeiling ?? Number.NaN);
  holders.push(engine.lastQuery.holdersVisited ?? Number.NaN);
  scored.push(engine.lastQuery.scored);
  touched.push(engine.lastQuery.touched);
  groupsBounded.push(engine.lastQuery.groupsBounded);
  blocksOpened.push((engine.lastQuery as { blocksOpened?: number }).blocksOpened ?? Number.NaN);
  if (engine.lastQuery.scannedAll) scannedAll += 1;
  const q = engine.lastQuery;
  if (ms > 10)
    slow.push(
      `${ms.toFixed(1)}ms (CPU ${cpuMs.toFixed(1)}) occ=${tables.occupations.codeOf(v.occupation)} skills=${v.skills.length} must=${v.mustHave.length} cert=${v.certificates.length} lang=${v.requiredLanguages.length} minor=${v.closedToMinors} touched=${q.touched} pastCeiling=${q.pastCeiling} scored=${q.scored} holders=${q.holdersVisited} groups=${q.groupsBounded} all=${q.scannedAll} n=${found.length}`,
    );
  const [truth, bruteMs, bruteCpuMs] = timedCpu(() => scanWorkers(ctx, engine.workers, v, config.kPerVacancy));
  ours.push(ms);
  brute.push(bruteMs);
  bruteCpu.push(bruteCpuMs);
  vacancyRecall += recall(truth, found) / queryVacancies.length;
  vacancyTruths.push(truth);
  if (JSON.stringify(found) !== JSON.stringify(truth)) throw new Error(`top-K of ${v.id} differs from the oracle`);
}

const open = [...engine.vacancies.open()];
/**
 * Each query worker's top-k from the index and from a scan of every open
 * vacancy (checked equal), timed: wall, process CPU and main-thread CPU of
 * ours, wall and process CPU of the scan, and recall against it.
 */
function workerQueries(k: number, afterEach: () => void = () => {}) {
  const runs = { ours: [] as number[], oursCpu: [] as number[], oursThread: [] as number[], brute: [] as number[], bruteCpu: [] as number[], recall: 0 };
  for (const w of queryWorkers) {
    const [found, ms, cpuMs, threadMs] = timedCpu(() => topVacancies(ctx, engine.vacancies, w, k));
    afterEach();
    const [truth, bruteMs, bruteCpuMs] = timedCpu(() => scanVacancies(ctx, open, w, k));
    runs.ours.push(ms);
    runs.oursCpu.push(cpuMs);
    runs.oursThread.push(threadMs);
    runs.brute.push(bruteMs);
    runs.bruteCpu.push(bruteCpuMs);
    runs.recall += recall(truth, found) / queryWorkers.length;
    if (JSON.stringify(found) !== JSON.stringify(truth)) throw new Error(`top-${k} of ${w.id} differs from the oracle`);
  }
  return runs;
}
const vacanciesBounded: number[] = [];
const workers20 = workerQueries(config.kPerWorker, () => vacanciesBounded.push(lastWorkerQuery.vacancies));
// The same workers for 50 vacancies each: the issue names top-50 for this query, the service's K per worker is 20.
const K_WIDE = 50;
const workers50 = workerQueries(K_WIDE);

const rematchSample = Math.min(2000, open.length);
const [, rematchMs] = flags.has('--no-rematch')
  ? [undefined, Number.NaN]
  : timed(() => {
      for (const v of open.slice(0, rematchSample)) engine.queryVacancy(v);
    });

// A new worker against full lists: every list computed first (a full re-match), then each query worker upserted (and removed again).
const upserts: number[] = [];
const upsertsCpu: number[] = [];
let fillMs = Number.NaN;
if (flags.has('--upserts')) {
  [, fillMs] = timed(() => engine.requery(open.map((v) => v.id)));
  for (const w of queryWorkers) {
    const [, ms, cpuMs] = timedCpu(() => engine.upsertWorker(w));
    upserts.push(ms);
    upsertsCpu.push(cpuMs);
    engine.removeWorker(w.id);
  }
}

// After every timed query of ours, so that Orama's heap and FerretDB's writes do not weigh on them.
const others: OtherMatchers | undefined = flags.has('--compare')
  ? await compareOtherMatchers({
      engine,
      ctx,
      tables,
      k: config.kPerVacancy,
      queries: queryVacancies,
      truths: vacancyTruths,
      naiveQueries: Number(option('naive-queries', '5')),
      mongoUrl: option('mongo-url', 'mongodb://127.0.0.1:27017'),
    })
  : undefined;

const row = (cells: (string | number)[]) => out(`| ${cells.join(' | ')} |`);
out(`## Matching benchmark — ${workerCount.toLocaleString('en')} workers, ${vacancyCount.toLocaleString('en')} open vacancies, ${queryCount} queries each`);
out(`machine: ${cpus()[0]?.model ?? '?'} (${cpus().length} cores), Node ${process.version}; one core, seeded data`);
out();
const times = (wall: number[], cpu: number[]) => [fmt(percentile(wall, 50)), fmt(percentile(wall, 99)), fmt(percentile(cpu, 50)), fmt(percentile(cpu, 99))];
row(['query', 'method', 'p50 ms', 'p99 ms', 'CPU p50 ms', 'CPU p99 ms', 'recall@K vs oracle', 'ratio p50 (oracle / ours)']);
row(['---', '---', '---:', '---:', '---:', '---:', '---:', '---:']);
row(['new vacancy → top-50 workers', 'index', ...times(ours, oursCpu), vacancyRecall.toFixed(3), (percentile(brute, 50) / percentile(ours, 50)).toFixed(1)]);
row(['', 'brute-force oracle', ...times(brute, bruteCpu), '1.000', '1.0']);
for (const run of others?.runs ?? []) {
  const meanRecall = run.recall.reduce((a, b) => a + b, 0) / run.recall.length;
  // '—': the naive matcher's filtering is FerretDB's CPU, not this process's.
  row(['', `${run.name} (${run.ms.length} queries)`, ...times(run.ms, run.cpu).map((cell) => (cell === 'NaN' ? '—' : cell)), meanRecall.toFixed(3), String(Number((percentile(brute, 50) / percentile(run.ms, 50)).toPrecision(2)))]);
}
for (const [k, runs] of [[config.kPerWorker, workers20], [K_WIDE, workers50]] as const) {
  row([`new worker → top-${k} vacancies`, 'index', ...times(runs.ours, runs.oursCpu), runs.recall.toFixed(3), (percentile(runs.brute, 50) / percentile(runs.ours, 50)).toFixed(1)]);
  row(['', 'brute-force oracle', ...times(runs.brute, runs.bruteCpu), '1.000', '1.0']);
}
if (upserts.length > 0) row(['new worker into full lists (MatchEngine.upsertWorker)', 'index', ...times(upserts, upsertsCpu), '—', '—']);
out();
// The CPU columns are the process's: they also count V8's threads running beside a query (concurrent marking of the whole heap, optimising compilers).
out(
  `index, the main thread's CPU alone (the query's own core): new vacancy p50 ${fmt(percentile(oursThread, 50))} / p99 ${fmt(percentile(oursThread, 99))} ms; new worker p50 ${fmt(percentile(workers20.oursThread, 50))} / p99 ${fmt(percentile(workers20.oursThread, 99))} ms (top-${K_WIDE}: ${fmt(percentile(workers50.oursThread, 50))} / ${fmt(percentile(workers50.oursThread, 99))} ms)`,
);
out();
row(['measure', 'value']);
row(['---', '---:']);
row(['reference tables built', `${fmt(tablesMs)} ms`]);
row([`index built from ${workerCount.toLocaleString('en')} compiled workers`, `${(workersMs / 1000).toFixed(1)} s (incl. generating them)`]);
row([`${vacancyCount.toLocaleString('en')} vacancies indexed`, `${(vacanciesMs / 1000).toFixed(1)} s`]);
row(['index bytes per worker (typed arrays + postings)', (engine.workers.bytes / engine.workers.size).toFixed(1)]);
row(['heap per worker incl. ids and vacancies', ((heapAfter - heapBefore) / engine.workers.size).toFixed(1)]);
row(['workers scored per vacancy query, p50 / p99', `${percentile(scored, 50)} / ${percentile(scored, 99)}`]);
row(['workers bounded one by one per vacancy query, p50 / p99', `${percentile(touched, 50)} / ${percentile(touched, 99)}`]);
row(['of those, past their skills ceiling (skill mask), p50 / p99', `${percentile(pastCeiling, 50)} / ${percentile(pastCeiling, 99)}`]);
row(['skill holders visited instead of groups per vacancy query, p50 / p99', `${percentile(holders, 50)} / ${percentile(holders, 99)}`]);
row(['worker groups bounded per vacancy query, p50 / p99', `${percentile(groupsBounded, 50)} / ${percentile(groupsBounded, 99)}`]);
row(['blocks of members opened per vacancy query, p50 / p99', `${percentile(blocksOpened, 50)} / ${percentile(blocksOpened, 99)}`]);
row(['vacancy queries that reached the last tier (every other occupation)', `${scannedAll} of ${queryVacancies.length}`]);
row(['vacancies bounded one by one per worker query, p50 / p99', `${percentile(vacanciesBounded, 50)} / ${percentile(vacanciesBounded, 99)}`]);
if (process.argv.includes('--slow')) for (const line of slow) out(line);
if (!flags.has('--no-rematch')) row(['full re-match (extrapolated from ' + rematchSample + ' vacancies)', `${((rematchMs / rematchSample) * open.length / 1000).toFixed(0)} s`]);
if (flags.has('--upserts')) row(['every list filled (`requery` of all open vacancies)', `${(fillMs / 1000).toFixed(1)} s`]);
if (others) {
  row(['Orama index built (filter fields of every worker)', `${(others.oramaBuildMs / 1000).toFixed(1)} s`]);
  row([`FerretDB filled for the naive matcher (${others.naiveDocs.toLocaleString('en')} workers, filter fields + id, indexed)`, `${(others.naiveFillMs / 1000).toFixed(1)} s`]);
  for (const run of others.runs) row([`${run.name.split(':')[0]}: p50 / our index's p50`, `${(percentile(run.ms, 50) / percentile(ours, 50)).toFixed(1)}×`]);
  out();
  out(`FerretDB explain of the naive filter: ${others.naivePlan}`);
}
