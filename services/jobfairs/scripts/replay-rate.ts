/**
 * How fast jobfairs catches up on workers.v1, vacancies.v1 and matches.v1,
 * in batches of one event (JOBFAIRS_BATCH_SIZE=0) and in larger batches, on the real broker and FerretDB, in one run on
 * the same events: publishes REPLAY_WORKERS workers (default 1,000, a tenth of
 * them updated once), REPLAY_VACANCIES vacancies (default 300) and, for each
 * vacancy, its top-REPLAY_TOP_K proposals (default 50; a tenth of those
 * withdrawn) to fresh topics; then, for each mode in REPLAY_MODES (default
 * `0,500`: batch sizes, 0 = batches of one), starts a jobfairs with an empty
 * database and a new consumer group and times it from its start to the last
 * event projected. It prints events/s, the CPU this process and FerretDB spent
 * per event, and the load average around each mode.
 *
 * Run: pnpm --filter @ketnoi/jobfairs replay-rate
 * (KAFKA_BROKERS and MONGO_URL: default the local infrastructure).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { matchesTopic, vacanciesTopic, workersTopic, type TopicDefinition, type TopicEventInput } from '@ketnoi/contracts';
import { createKafka, ensureTopics, EventPublisher, withSuffix } from '@ketnoi/messaging';
import { createDevIssuer, createLogger, loadConfig } from '@ketnoi/service-kit';
import { replayMode, replayRun } from '@ketnoi/testing';
import mongoose from 'mongoose';
import { buildApp } from '../src/app.js';
import { configSchema } from '../src/config.js';
import { aMatch, aVacancy, aWorker } from '../test/mothers.js';

const { brokers, mongoUrl, modes, run, count, serviceEnv } = replayRun('jf-replay');
const WORKERS = count('REPLAY_WORKERS', 1_000);
const VACANCIES = count('REPLAY_VACANCIES', 300);
const TOP_K = Math.min(count('REPLAY_TOP_K', 50), WORKERS);
const topicName = withSuffix(run);
const logger = createLogger({ serviceName: 'replay-rate', level: 'warn' });

const workerId = (i: number) => `worker-r${i}`;
const vacancyId = (v: number) => `vacancy-r${v}`;
/** The v-th vacancy's top-K: K workers spread over the pool. */
const topK = (v: number) => Array.from({ length: TOP_K }, (_, k) => (v * 37 + k * 7) % WORKERS);
const withdrawnOf = (v: number, k: number) => (v + k) % 10 === 0;

function load(): { topic: TopicDefinition; inputs: TopicEventInput<TopicDefinition>[] }[] {
  const workers: TopicEventInput<typeof workersTopic>[] = [];
  for (let i = 0; i < WORKERS; i += 1) {
    workers.push({ type: 'worker.registered', subject: workerId(i), data: aWorker({ workerId: workerId(i) }) });
    if (i % 10 === 0) workers.push({ type: 'worker.updated', subject: workerId(i), data: aWorker({ workerId: workerId(i), version: 2, experienceYears: 4 }) });
  }
  const vacancies: TopicEventInput<typeof vacanciesTopic>[] = Array.from({ length: VACANCIES }, (_, v) => ({
    type: 'vacancy.opened',
    subject: vacancyId(v),
    data: aVacancy({ vacancyId: vacancyId(v), employerId: `employer-r${v % 7}` }),
  }));
  const matches: TopicEventInput<typeof matchesTopic>[] = [];
  for (let v = 0; v < VACANCIES; v += 1) {
    topK(v).forEach((w, k) => matches.push({ type: 'match.proposed', subject: vacancyId(v), data: aMatch(vacancyId(v), workerId(w), 0.9 - k / 100, k + 1) }));
    topK(v).forEach((w, k) => {
      if (!withdrawnOf(v, k)) return;
      const at = '2026-11-21T08:00:00.000Z';
      matches.push({ type: 'match.withdrawn', subject: vacancyId(v), data: { matchId: `${vacancyId(v)}:${workerId(w)}`, vacancyId: vacancyId(v), workerId: workerId(w), reason: 'outranked', at } });
    });
  }
  return [
    { topic: workersTopic, inputs: workers },
    { topic: vacanciesTopic, inputs: vacancies },
    { topic: matchesTopic, inputs: matches },
  ] as never;
}

async function publishLoad(chunks: ReturnType<typeof load>): Promise<void> {
  const kafka = createKafka({ brokers, clientId: run, logger });
  await ensureTopics(kafka, [workersTopic, vacanciesTopic, matchesTopic], { topicName, logger });
  const publisher = new EventPublisher({ kafka, source: '/replay-rate', logger, topicName });
  await publisher.connect();
  for (const { topic, inputs } of chunks) {
    for (let from = 0; from < inputs.length; from += 500) await publisher.publish(topic, inputs.slice(from, from + 500));
  }
  await publisher.disconnect();
}

/** CPU seconds FerretDB (the process listening on MONGO_URL's port) has used so far; undefined when it cannot be read. */
function ferretCpuSeconds(): number | undefined {
  const port = new URL(mongoUrl).port || '27017';
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (!cmdline[0]?.endsWith('ferretdb') || !cmdline.some((arg) => arg.endsWith(`:${port}`))) continue;
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks of 1/100 s
    } catch {
      continue;
    }
  }
  return undefined;
}

async function consume(batchSize: number, events: number, round: number): Promise<string> {
  const issuer = await createDevIssuer();
  const dbName = `${run}_${round}_${batchSize}`.replace(/-/g, '_');
  const config = loadConfig(
    configSchema,
    serviceEnv(dbName, issuer, { JOBFAIRS_TOKEN_SECRET: 'replay-rate-secret-0123456789abcdefghij', REMINDER_LEAD_HOURS: '0', JOBFAIRS_BATCH_SIZE: String(batchSize) }),
  );
  const loadBefore = loadavg()[0]!;
  const [cpuBefore, ferretBefore] = [process.cpuUsage(), ferretCpuSeconds()];
  const started = performance.now();
  const app = await buildApp(config, { logger, topicName, groupId: `${run}-${round}-${batchSize}`, defaultMetrics: false });
  await app.ready();
  const { projections } = app.jobfairs;
  const lastMatches = Array.from({ length: VACANCIES }, (_, v) => [vacancyId(v), workerId(topK(v).findLast((_, k) => !withdrawnOf(v, k))!)] as const);
  const done = () =>
    projections.workers.size >= WORKERS &&
    projections.vacancies.size >= VACANCIES &&
    [...projections.workers.values()].filter((w) => w.version === 2).length >= Math.ceil(WORKERS / 10) &&
    lastMatches.every(([v, w]) => projections.match(v, w));
  let reported = 0;
  while (!done()) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    if (performance.now() - started - reported < 10_000) continue;
    reported = performance.now() - started;
    console.log(`  batch size ${batchSize}: ${projections.workers.size} workers, ${projections.vacancies.size} vacancies, ${projections.state().matches.length} matches after ${(reported / 1000).toFixed(0)} s`);
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const ferretAfter = ferretCpuSeconds();
  const loadAfter = loadavg()[0]!;
  await app.close();
  const mongo = await mongoose.createConnection(mongoUrl, { dbName }).asPromise();
  await mongo.dropDatabase();
  await mongo.close();
  const serviceMs = ((cpu.user + cpu.system) / 1000 / events).toFixed(2);
  const ferretMs = ferretBefore === undefined || ferretAfter === undefined ? 'n/a' : (((ferretAfter - ferretBefore) * 1000) / events).toFixed(2);
  return `${replayMode(batchSize)}: ${events} events in ${seconds.toFixed(1)} s = ${Math.round(events / seconds)} events/s (from start, with the group join); CPU per event: service ${serviceMs} ms, FerretDB ${ferretMs} ms; load average (1 min) ${loadBefore.toFixed(2)} → ${loadAfter.toFixed(2)}`;
}

const chunks = load();
const events = chunks.reduce((n, c) => n + c.inputs.length, 0);
await publishLoad(chunks);
console.log(`published ${chunks.map((c) => `${c.inputs.length} on ${c.topic.name}`).join(', ')} to *.${run}`);
const results: string[] = [];
for (const [round, batchSize] of modes.entries()) {
  results.push(await consume(batchSize, events, round));
  console.log(results[results.length - 1]);
}
console.log(results.join('\n'));
process.exit(0);
