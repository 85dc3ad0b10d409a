/*
 * Where the bench's cold timings come from: `node --max-old-space-size=12000 --expose-gc --conditions=@ketnoi/source --import tsx bench/cold-warm.ts [workers] [vacancies] [queries] [slowest] [warm-up queries] [pause ms]`.
 * `pause ms`: the main thread sleeps that long after the warm-up, so that the background threads (GC of the build, JIT compiles) finish first.
 * Builds the benchmark's index, then times the same queries four ways, one CPU timing each unless said:
 * `first`: each query the first time it is run, nothing between queries (what a service pays on a new vacancy or worker);
 * `after scan`: each again right after the brute-force oracle scanned every worker (vacancies), as bench:matching times them;
 * `after other work`: each right after a scan of a 64 MB buffer (caches evicted by work that is not the index's);
 * `warm`: the least of 3. Then the slowest queries (warm) with their counters.
 */
import { compileVacancy } from '../src/domain/compile-vacancy.js';
import { compileWorker } from '../src/domain/compile-worker.js';
import { lastWorkerQuery, topVacancies } from '../src/index/worker-query.js';
import { scanVacancies, scanWorkers } from './oracles.js';
import { provinceEngine } from './province.js';
import { percentile, timedCpu } from './stats.js';

const [workerCount = 1_000_000, vacancyCount = 100_000, queryCount = 200, slowest = 8, warmUp = 60, pauseMs = 0] = process.argv.slice(2).map(Number);
const { tables, config, ctx, engine, gen } = provinceEngine(workerCount, vacancyCount);
globalThis.gc?.();
const vacancies = Array.from({ length: queryCount }, (_, i) => compileVacancy(gen.vacancy(vacancyCount + i), tables, config));
const workers = Array.from({ length: queryCount }, (_, i) => compileWorker(gen.worker(workerCount + i), tables));
// Warm-up on other queries than the timed ones (as bench:matching does).
for (let i = 0; i < warmUp; i += 1) engine.queryVacancy(compileVacancy(gen.vacancy(vacancyCount + queryCount + i), tables, config));
for (let i = 0; i < warmUp; i += 1) topVacancies(ctx, engine.vacancies, compileWorker(gen.worker(workerCount + queryCount + i), tables), config.kPerWorker);

if (pauseMs > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, pauseMs);
const open = [...engine.vacancies.open()];
const junk = new Float64Array(8 << 20);
const evict = () => {
  let sum = 0;
  for (let i = 0; i < junk.length; i += 8) sum += junk[i]! += 1;
  return sum;
};
const out = (line: string) => process.stdout.write(`${line}\n`);
const row = (name: string, ms: number[]) => out(`| ${name} | ${[50, 95, 99, 100].map((p) => percentile(ms, p).toFixed(2)).join(' | ')} | ${ms.reduce((n, x) => n + x, 0).toFixed(0)} |`);
const vq = (v: (typeof vacancies)[number]) => () => engine.queryVacancy(v);
const wq = (w: (typeof workers)[number]) => () => topVacancies(ctx, engine.vacancies, w, config.kPerWorker);
const least = (work: () => unknown) => Math.min(...[0, 1, 2].map(() => timedCpu(work)[2]));

const t = { vFirst: [] as number[], vScan: [] as number[], vOther: [] as number[], vWarm: [] as number[], wFirst: [] as number[], wScan: [] as number[], wOther: [] as number[], wWarm: [] as number[] };
const firstWall: number[] = [];
for (const v of vacancies) {
  const [, wall, cpu] = timedCpu(vq(v));
  t.vFirst.push(cpu);
  firstWall.push(wall);
}
for (const w of workers) t.wFirst.push(timedCpu(wq(w))[2]);
for (const v of vacancies) {
  scanWorkers(ctx, engine.workers, v, config.kPerVacancy);
  t.vScan.push(timedCpu(vq(v))[2]);
}
for (const w of workers) {
  scanVacancies(ctx, open, w, config.kPerWorker);
  t.wScan.push(timedCpu(wq(w))[2]);
}
for (const v of vacancies) {
  evict();
  t.vOther.push(timedCpu(vq(v))[2]);
}
for (const w of workers) {
  evict();
  t.wOther.push(timedCpu(wq(w))[2]);
}
for (const v of vacancies) t.vWarm.push(least(vq(v)));
for (const w of workers) t.wWarm.push(least(wq(w)));
out(`${workerCount.toLocaleString('en')} workers, ${vacancyCount.toLocaleString('en')} vacancies, ${queryCount} queries each`);
out('| CPU ms per query | p50 | p95 | p99 | max | sum |');
out('| --- | ---: | ---: | ---: | ---: | ---: |');
row('vacancy, first run', t.vFirst);
row('vacancy, first run (wall)', firstWall);
row('vacancy, after the oracle scan', t.vScan);
row('vacancy, after 64 MB of other work', t.vOther);
row('vacancy, warm (least of 3)', t.vWarm);
row('worker, first run', t.wFirst);
row('worker, after the oracle scan', t.wScan);
row('worker, after 64 MB of other work', t.wOther);
row('worker, warm (least of 3)', t.wWarm);
const slowV = vacancies.map((v, i) => ({ v, ms: t.vWarm[i]! })).sort((a, b) => b.ms - a.ms).slice(0, slowest);
for (const { v, ms } of slowV) {
  engine.queryVacancy(v);
  const q = engine.lastQuery;
  out(
    `V ${ms.toFixed(1)}ms ${v.id} occ=${tables.occupations.codeOf(v.occupation)} skills=${v.skills.length} must=${v.mustHave.length} cert=${v.certificates.length} lang=${v.requiredLanguages.length} touched=${q.touched} pastCeiling=${q.pastCeiling} scored=${q.scored} holders=${q.holdersVisited} groups=${q.groupsBounded} blocks=${q.blocksOpened} all=${q.scannedAll}`,
  );
}
const gapV = vacancies.map((v, i) => ({ v, i, gap: t.vFirst[i]! - t.vWarm[i]! })).sort((a, b) => b.gap - a.gap).slice(0, slowest);
for (const { v, i } of gapV) out(`V first ${t.vFirst[i]!.toFixed(1)} scan ${t.vScan[i]!.toFixed(1)} warm ${t.vWarm[i]!.toFixed(1)} #${i} ${v.id} occ=${tables.occupations.codeOf(v.occupation)} must=${v.mustHave.length} cert=${v.certificates.length} lang=${v.requiredLanguages.length}`);
const slowW = workers.map((w, i) => ({ w, ms: t.wWarm[i]!, first: t.wFirst[i]!, scan: t.wScan[i]! })).sort((a, b) => b.scan - a.scan).slice(0, slowest);
for (const { w, ms, first, scan } of slowW) {
  topVacancies(ctx, engine.vacancies, w, config.kPerWorker);
  out(`W warm ${ms.toFixed(1)} first ${first.toFixed(1)} scan ${scan.toFixed(1)}ms ${w.id} occ=${w.nOccupations} skills=${w.nSkills} groups=${lastWorkerQuery.groups} vacancies=${lastWorkerQuery.vacancies} scored=${lastWorkerQuery.scored}`);
}
