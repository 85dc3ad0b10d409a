/*
 * A quick side by side of our index, the brute-force oracle, Orama and the naive FerretDB matcher
 * (other-matchers.ts) on the same data and queries, without the rest of matching-bench.ts (which prints the same rows
 * at full scale with `--compare`). `... compare-bench.ts [workers] [vacancies] [queries] [naiveQueries] [mongoUrl]`
 */
import { compileVacancy } from '../src/domain/compile-vacancy.js';
import { scanWorkers } from './oracles.js';
import { compareOtherMatchers } from './other-matchers.js';
import { provinceEngine } from './province.js';
import { fmt, percentile, recall, timed } from './stats.js';

const args = process.argv.slice(2);
const [workerCount = 100_000, vacancyCount = 10_000, queryCount = 50, naiveQueries = 5] = args.slice(0, 4).map(Number);
const mongoUrl = args[4] ?? 'mongodb://127.0.0.1:27017';
const out = (line = '') => process.stdout.write(`${line}\n`);

// Built as the service does at start-up, like bench:matching's index.
const { tables, config, ctx, engine, gen } = provinceEngine(workerCount, vacancyCount);
const k = config.kPerVacancy;
const queries = Array.from({ length: queryCount }, (_, i) => compileVacancy(gen.vacancy(vacancyCount + i), tables, config));

const ours: number[] = [];
const oursRecall: number[] = [];
const oracle: number[] = [];
const truths = queries.map((v) => {
  const [truth, oracleMs] = timed(() => scanWorkers(ctx, engine.workers, v, k));
  oracle.push(oracleMs);
  const [found, ms] = timed(() => engine.queryVacancy(v));
  ours.push(ms);
  oursRecall.push(recall(truth, found));
  return truth;
});
const others = await compareOtherMatchers({ engine, ctx, tables, k, queries, truths, naiveQueries, mongoUrl });

const oursP50 = percentile(ours, 50);
out(`Orama index built in ${(others.oramaBuildMs / 1000).toFixed(1)} s; FerretDB filled with ${others.naiveDocs.toLocaleString('en')} workers in ${(others.naiveFillMs / 1000).toFixed(1)} s.`);
out(`FerretDB explain of the naive filter: ${others.naivePlan}`);
out(`## New vacancy → top-${k}: ${workerCount.toLocaleString('en')} workers, ${queryCount} queries (naive: ${Math.min(naiveQueries, queryCount)})`);
out();
out('| method | p50 ms | p99 ms | p50 / ours | recall@50 vs oracle (mean) |');
out('| --- | ---: | ---: | ---: | ---: |');
const rows = [
  { name: 'our index (exact)', ms: ours, recall: oursRecall },
  { name: 'brute-force oracle', ms: oracle, recall: [1] },
  ...others.runs,
];
for (const { name, ms, recall: r } of rows) {
  if (ms.length === 0) continue;
  out(`| ${name} | ${fmt(percentile(ms, 50))} | ${fmt(percentile(ms, 99))} | ${(percentile(ms, 50) / oursP50).toFixed(1)} | ${(r.reduce((a, b) => a + b, 0) / r.length).toFixed(3)} |`);
}
