/*
 * Profiling aid for the vacancy query's tail: `node --cpu-prof --conditions=@ketnoi/source --import tsx bench/slow-queries.ts [workers] [vacancies] [queries] [slowest]`.
 * Builds the benchmark's index, times every query, then re-runs only the slowest ones inside `replaySlowest`
 * (filter the profile on that frame) and prints their counters.
 */
import { compileVacancy } from '../src/domain/compile-vacancy.js';
import type { MatchVacancy } from '../src/domain/model.js';
import { provinceEngine } from './province.js';
import { timedCpu } from './stats.js';

const [workerCount = 200_000, vacancyCount = 20_000, queryCount = 500, slowest = 10] = process.argv.slice(2).map(Number);
const { tables, config, engine, gen } = provinceEngine(workerCount, vacancyCount);
const queries = Array.from({ length: queryCount }, (_, i) => compileVacancy(gen.vacancy(vacancyCount + i), tables, config));
for (const v of queries.slice(0, 20)) engine.queryVacancy(v);
// The least of 3 CPU timings, so that the slowest are those slow when warm (a first run pays the JIT's tier-up).
const timings = queries.map((v) => ({ v, cpu: Math.min(...[0, 1, 2].map(() => timedCpu(() => engine.queryVacancy(v))[2])) }));
timings.sort((a, b) => b.cpu - a.cpu);
const cpuAt = (p: number) => timings[Math.min(timings.length - 1, Math.floor(((100 - p) / 100) * timings.length))]!.cpu.toFixed(2);
process.stdout.write(`${timings.length} queries, CPU p50 ${cpuAt(50)} ms, p99 ${cpuAt(99)} ms, total ${timings.reduce((n, t) => n + t.cpu, 0).toFixed(0)} ms\n`);
const slow = timings.slice(0, slowest);

function replaySlowest(vs: MatchVacancy[]): void {
  for (let round = 0; round < 20; round += 1) for (const v of vs) engine.queryVacancy(v);
}
replaySlowest(slow.map((entry) => entry.v));
for (const { v, cpu } of slow) {
  engine.queryVacancy(v);
  const q = engine.lastQuery;
  process.stdout.write(
    `${cpu.toFixed(1)}ms ${v.id} occ=${tables.occupations.codeOf(v.occupation)} skills=${v.skills.length} must=${v.mustHave.length} touched=${q.touched} pastCeiling=${q.pastCeiling} scored=${q.scored} holders=${q.holdersVisited} groups=${q.groupsBounded} all=${q.scannedAll} bucketed=${q.bucketed}@${q.bucketedAt}\n`,
  );
}
