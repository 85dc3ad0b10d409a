/*
 * The worker query alone: `node --max-old-space-size=12000 --conditions=@ketnoi/source --import tsx bench/worker-queries.ts [workers] [vacancies] [queries] [slowest] [k]`.
 * Builds the benchmark's index (the vacancy side does not depend on the workers: a few thousand are enough), times
 * each new worker → top-k (default the service's K per worker, 20) once (its first run, as a service meets it) and then warm (least of 3), and prints the
 * slowest warm ones with their counters. No oracle: bench:matching checks the same queries against it.
 */
import { compileVacancy } from '../src/domain/compile-vacancy.js';
import { compileWorker } from '../src/domain/compile-worker.js';
import { lastWorkerQuery, topVacancies } from '../src/index/worker-query.js';
import { provinceEngine } from './province.js';
import { percentile, timedCpu } from './stats.js';

const [workerCount = 10_000, vacancyCount = 100_000, queryCount = 1000, slowest = 8, kArg] = process.argv.slice(2).map(Number);
const { tables, config, ctx, engine, gen } = provinceEngine(workerCount, vacancyCount);
const k = kArg ?? config.kPerWorker;
// The vacancies bench:matching and cold-warm.ts query first, so that the workers generated next are theirs.
for (let i = 0; i < queryCount; i += 1) compileVacancy(gen.vacancy(vacancyCount + i), tables, config);
const workers = Array.from({ length: queryCount }, (_, i) => compileWorker(gen.worker(workerCount + i), tables));
for (let i = 0; i < 60; i += 1) topVacancies(ctx, engine.vacancies, compileWorker(gen.worker(workerCount + queryCount + i), tables), k);

const query = (w: (typeof workers)[number]) => () => topVacancies(ctx, engine.vacancies, w, k);
let bounded = 0;
let groups = 0;
const first = workers.map((w) => {
  const cpu = timedCpu(query(w))[2];
  bounded += lastWorkerQuery.vacancies;
  groups += lastWorkerQuery.groups;
  return cpu;
});
const warm = workers.map((w) => Math.min(...[0, 1, 2].map(() => timedCpu(query(w))[2])));
const out = (line: string) => process.stdout.write(`${line}\n`);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0).toFixed(0);
const row = (name: string, xs: number[]) => out(`| ${name} | ${[50, 95, 99].map((p) => percentile(xs, p).toFixed(2)).join(' | ')} | ${Math.max(...xs).toFixed(1)} | ${sum(xs)} |`);
out(`${workerCount.toLocaleString('en')} workers, ${vacancyCount.toLocaleString('en')} vacancies, ${queryCount} worker queries`);
out(`| CPU ms per worker → top-${k} | p50 | p95 | p99 | max | sum |`);
out('| --- | ---: | ---: | ---: | ---: | ---: |');
row('first run', first);
row('warm (least of 3)', warm);
out(`vacancies bounded one by one: ${bounded}; groups bounded: ${groups}`);
for (const i of workers.map((_, i) => i).sort((a, b) => warm[b]! - warm[a]!).slice(0, slowest)) {
  const w = workers[i]!;
  topVacancies(ctx, engine.vacancies, w, k);
  out(`${w.id} warm ${warm[i]!.toFixed(1)} first ${first[i]!.toFixed(1)} occupations=${w.nOccupations} skills=${w.nSkills} priority=${w.priority} ${JSON.stringify(lastWorkerQuery)}`);
}
