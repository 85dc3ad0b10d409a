// pnpm bench:system — the whole of KetNoi under load, one table:
//   raw limit    kafkajs produce → consume of the ingest's messages, no processing
//   floor        the same messages through two stage processes (insertMany + produce each), no logic
//   structural   the same through the ingest's whole topology with no logic (BENCH_FLOOR_STRUCTURAL=1)
//   ingest       ingest.workers.v1 → registration → workers.v1 → matching (→ matches.v1)
//   HTTP + e2e   POST /v1/vacancies at fixed rates (open loop) → first match.proposed
//   request floor  the same POSTs to a server making only their durable writes, no logic (BENCH_FLOOR_REQUEST=1)
//   HTTP         POST /v1/workers at a fixed rate
//   resources    CPU and RSS of every service, Kafka and FerretDB per phase (/proc)
// Settings: environment variables, see config.ts and the README.
import { ingestWorkersTopic, matchesTopic, vacanciesTopic, workersTopic } from '@ketnoi/contracts';
import { generateVacancies, generateWorkers, vietnamToday, type DemoVacancy } from '@ketnoi/demo';
import { freePorts, registerEmployer, SERVICE_NAMES, serverScript, startSystem, type RunningSystem, type ServiceName } from '@ketnoi/launcher';
import { createKafka, EventPublisher, withSuffix } from '@ketnoi/messaging';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import mongoose from 'mongoose';
import { pino } from 'pino';
import { readBenchEnv, type BenchEnv } from './config.js';
import { prepareFloor, type FloorResult } from './floor.js';
import type { FloorVariant } from './floor-topology.js';
import { floorRow, floorVerdict } from './floor-report.js';
import { prepareRequestFloor, REQUEST_FLOOR_NAME, type RequestFloorLoad } from './request-floor.js';
import { requestFloorLines } from './request-floor-report.js';
import { committed, highWater } from './offsets.js';
import { ingestEvents, ingestMessages } from './ingest-messages.js';
import { childPids, combinedUsage, cpuMsByName, cpuPerItem, sampleProcesses, type ProcessUsage } from './proc.js';
import { openLoopSchedule, runOpenLoop } from './schedule.js';
import { lagBehind, ms, perSecond, steadyRate, summarize } from './stats.js';
import { renderTable, type Row } from './table.js';

const root = resolve(import.meta.dirname, '../../..');
const say = (text: string) => process.stderr.write(`[bench:system] ${text}\n`);
const silent = pino({ level: 'silent' });
const seconds = (from: number, to = performance.now()) => (to - from) / 1000;

// ---------------------------------------------------------------- infrastructure

interface Infra {
  kafkaBrokers: string[];
  mongoUrl: string;
  dataDir: string;
  own: boolean;
  backend: string;
  stop: () => Promise<void>;
}

function runScript(args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((done, fail) => {
    // The infra scripts take their ports and data dir from the environment (infra/env.sh).
    // eslint-disable-next-line no-restricted-properties -- a child's environment: ours plus the bench's ports
    const child = spawn('bash', args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', fail);
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`bash ${args.join(' ')} exited with ${code}`))));
  });
}

async function startInfra(env: BenchEnv): Promise<Infra> {
  if (env.KAFKA_BROKERS && env.MONGO_URL) {
    return {
      kafkaBrokers: env.KAFKA_BROKERS,
      mongoUrl: env.MONGO_URL,
      dataDir: env.KETNOI_DATA_DIR ?? join(root, '.data'),
      own: false,
      backend: 'running (shared)',
      stop: async () => {},
    };
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'ketnoi-bench-infra-'));
  // PostgreSQL runs as its own user (postgres.sh, as root): it must reach its folder in here.
  await chmod(dataDir, 0o755);
  const vars = {
    KETNOI_DATA_DIR: dataDir,
    KAFKA_PORT: String(env.BENCH_KAFKA_PORT),
    KAFKA_CONTROLLER_PORT: String(env.BENCH_KAFKA_PORT + 1),
    FERRETDB_PORT: String(env.BENCH_FERRETDB_PORT),
    FERRETDB_BACKEND: env.FERRETDB_BACKEND,
    PG_PORT: String(env.BENCH_PG_PORT),
    FERRETDB_POSTGRESQL_URL: `postgres://postgres@127.0.0.1:${env.BENCH_PG_PORT}/ferretdb`,
    KAFKA_BROKERS: `127.0.0.1:${env.BENCH_KAFKA_PORT}`,
    MONGO_URL: `mongodb://127.0.0.1:${env.BENCH_FERRETDB_PORT}`,
  };
  say(`starting own infrastructure in ${dataDir} (FerretDB on ${env.FERRETDB_BACKEND})`);
  try {
    await runScript(['infra/infra.sh', 'up'], vars);
  } catch (error) {
    await runScript(['infra/infra.sh', 'down'], vars).catch(() => {});
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    kafkaBrokers: [vars.KAFKA_BROKERS],
    mongoUrl: vars.MONGO_URL,
    dataDir,
    own: true,
    backend: env.FERRETDB_BACKEND,
    stop: async () => {
      await runScript(['infra/infra.sh', 'down'], vars);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

const pidFrom = (file: string): number | null => {
  try {
    const pid = Number(readFileSync(file, 'utf8').split('\n')[0]!.trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
};

async function infraProcesses(dataDir: string): Promise<Sampled> {
  const postmaster = pidFrom(join(dataDir, 'postgres', 'data', 'postmaster.pid'));
  const found = [
    { name: 'kafka', pid: pidFrom(join(dataDir, 'kafka', 'kafka.pid')) },
    { name: 'ferretdb', pid: pidFrom(join(dataDir, 'ferretdb', 'ferretdb.pid')) },
    // The postmaster and its backends (one per FerretDB connection), added up.
    ...(postmaster ? [postmaster, ...(await childPids(postmaster))].map((pid) => ({ name: 'postgres (all processes)', pid })) : []),
  ];
  return found.filter((p): p is { name: string; pid: number } => p.pid !== null);
}


// ---------------------------------------------------------------- versions and machine

async function versions(infra: Infra): Promise<Record<string, string>> {
  const pom = await readFile(join(root, 'infra/kafka/pom.xml'), 'utf8').catch(() => '');
  const kafkajs = JSON.parse(await readFile(createRequire(import.meta.url).resolve('kafkajs/package.json'), 'utf8').catch(() => '{}')) as { version?: string };
  let ferret = '?';
  const connection = await mongoose.createConnection(infra.mongoUrl, { serverSelectionTimeoutMS: 10_000 }).asPromise();
  try {
    const info = (await connection.db!.admin().command({ buildInfo: 1 })) as { version?: string; ferretdbVersion?: string; ferretdbFeatures?: unknown };
    // A FerretDB built from source answers "unknown": the version is then the cached binary's directory.
    const built = info.ferretdbVersion && info.ferretdbVersion !== 'unknown' ? info.ferretdbVersion : await readdir(join(root, '.tools/ferretdb')).then((d) => d.join('/'), () => '?');
    ferret = `${built} (wire ${info.version ?? '?'})`;
  } finally {
    await connection.close();
  }
  const pg = (await readFile(join(infra.dataDir, 'postgres', 'data', 'PG_VERSION'), 'utf8').catch(() => '')).trim();
  return {
    ...(pg ? { postgres: pg } : {}),
    node: process.version,
    kafka: /<kafka\.version>([^<]+)<\/kafka\.version>/u.exec(pom)?.[1] ?? '?',
    kafkajs: kafkajs.version ?? '?',
    ferretdb: ferret,
  };
}

// ---------------------------------------------------------------- phases

interface PhaseUsage {
  phase: string;
  usage: ProcessUsage[];
}

type Sampled = { name: string; pid: number }[];

async function measured<T>(phase: string, processes: () => Promise<Sampled>, usages: PhaseUsage[], work: () => Promise<T>): Promise<T> {
  say(`phase: ${phase}`);
  const sampler = await sampleProcesses(await processes());
  try {
    return await work();
  } finally {
    usages.push({ phase, usage: await sampler.stop() });
  }
}

interface RawResult {
  messages: number;
  bytes: number;
  produceSeconds: number;
  totalSeconds: number;
}

/** kafkajs alone: the ingest's messages (same count, bytes, keys, partitions, batch size, acks) produced and consumed, nothing else. */
async function rawLimit(kafka: Kafka, admin: Admin, id: string, env: BenchEnv): Promise<RawResult> {
  const topic = `bench-raw.${id}`;
  await admin.createTopics({ topics: [{ topic, numPartitions: ingestWorkersTopic.partitions, replicationFactor: 1 }], waitForLeaders: true });
  const values = ingestMessages(env.BENCH_SEED, env.BENCH_INGEST);
  const bytes = values.reduce((sum, m) => sum + Buffer.byteLength(m.value), 0);
  const consumer = kafka.consumer({ groupId: `${id}.raw`, maxWaitTimeInMs: 50 });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  await Promise.all([consumer.connect(), producer.connect()]);
  let received = 0;
  let lastAt = 0;
  let allReceived: () => void = () => {};
  const finished = new Promise<void>((done) => (allReceived = done));
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    // Produce once the consumer holds its partitions: the group join is not part of the limit.
    const joined = new Promise<void>((done) => consumer.on(consumer.events.GROUP_JOIN, () => done()));
    await consumer.run({
      eachBatch: async ({ batch }) => {
        received += batch.messages.length;
        lastAt = performance.now();
        if (received >= values.length) allReceived();
      },
    });
    await Promise.race([joined, new Promise((_, fail) => setTimeout(() => fail(new Error('raw consumer did not join in 60 s')), 60_000).unref())]);
    const started = performance.now();
    for (let i = 0; i < values.length; i += env.BENCH_INGEST_BATCH) {
      await producer.send({ topic, acks: -1, messages: values.slice(i, i + env.BENCH_INGEST_BATCH) });
    }
    const produced = performance.now();
    await Promise.race([finished, new Promise((_, fail) => setTimeout(() => fail(new Error('raw consume did not finish in 120 s')), 120_000).unref())]);
    return { messages: values.length, bytes, produceSeconds: seconds(started, produced), totalSeconds: seconds(started, lastAt) };
  } finally {
    await Promise.all([consumer.disconnect(), producer.disconnect()]);
  }
}

/** The floor (floor.ts): its stages started, then measured with them in the CPU/RSS table, then stopped and its database dropped. */
async function floorPhase(kafka: Kafka, admin: Admin, infra: Infra, id: string, env: BenchEnv, processes: () => Promise<Sampled>, usages: PhaseUsage[], variant: FloorVariant): Promise<FloorResult> {
  say(`floor (${variant}): starting its stages`);
  const floor = await prepareFloor(kafka, admin, infra.kafkaBrokers, infra.mongoUrl, id, env, variant);
  try {
    const result = await measured(floor.name, async () => [...(await processes()), ...floor.processes], usages, floor.run);
    if (!result.complete) say(`${floor.name} did not finish in ${env.BENCH_INGEST_TIMEOUT_S} s (${result.undrained.join(', ') || 'the last topic'}): its rates are over what got through`);
    return result;
  } finally {
    await floor.close();
  }
}

/** The request floor (request-floor.ts) at each rate, each rate a phase measured with its server; then stopped and its database dropped. */
async function requestFloorPhases(kafka: Kafka, admin: Admin, infra: Infra, bench: Bench, env: BenchEnv, body: string, usages: PhaseUsage[]): Promise<RequestFloorLoad[]> {
  const { id, processes } = bench;
  // The vacancy phases' tail (matching and the fan-out on their events) done first: the infrastructure's CPU in the floor's phases is the floor's.
  if ((await drainFanOut(admin, bench, env.BENCH_INGEST_TIMEOUT_S * 1000, [vacanciesTopic.name, matchesTopic.name])) === null) say('request floor: the vacancy phases\' events not all consumed yet; starting anyway');
  say('request floor: starting its server');
  const floor = await prepareRequestFloor(kafka, admin, infra.kafkaBrokers, infra.mongoUrl, id, body);
  try {
    const loads: RequestFloorLoad[] = [];
    for (const rate of env.BENCH_RATES) {
      loads.push(await measured(`${REQUEST_FLOOR_NAME} ${rate}/s`, async () => [...(await processes()), ...floor.processes], usages, () => floor.load(rate, env.BENCH_PHASE_S, env.BENCH_MATCH_WAIT_S)));
    }
    return loads;
  } finally {
    await floor.close();
  }
}

/**
 * Events of `topic` each of the run's consumer groups has not consumed yet
 * (groups that never consumed it left out): which consumers the load left
 * behind, and by how much.
 */
async function lagsOn(admin: Admin, system: Bench, topic: string): Promise<{ group: string; lag: number }[]> {
  const prefix = system.group('');
  const groups = (await admin.listGroups()).groups.map((g) => g.groupId).filter((g) => g.startsWith(prefix) && !g.startsWith(`${prefix}bench-`));
  const high = new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, Number(p.high)]));
  const lags: { group: string; lag: number }[] = [];
  for (const groupId of groups.sort()) {
    const partitions = (await admin.fetchOffsets({ groupId, topics: [topic] })).flatMap((t) => t.partitions);
    if (partitions.every((p) => Number(p.offset) < 0)) continue;
    lags.push({ group: groupId.slice(prefix.length), lag: partitions.reduce((sum, p) => sum + (high.get(p.partition) ?? 0) - Math.max(0, Number(p.offset)), 0) });
  }
  return lags;
}

interface IngestResult {
  published: number;
  publishSeconds: number;
  registered: { points: [number, number][]; total: number };
  published_workers: { points: [number, number][]; total: number };
  matched: { points: [number, number][]; total: number };
  proposals: number;
  seconds: number;
  complete: boolean;
}

/**
 * How many of registration's versions wait in its outbox (its pending index),
 * when the bench started the services and so knows registration's database;
 * null otherwise.
 */
async function outboxPending(system: Bench, mongoUrl: string): Promise<(() => Promise<number>) & { close: () => Promise<void> } | null> {
  const database = system.running?.databases.registration;
  if (!database) return null;
  const connection = await mongoose.createConnection(mongoUrl, { dbName: database, serverSelectionTimeoutMS: 10_000 }).asPromise();
  const count = async () => connection.collection('workers_versions_pending').countDocuments();
  return Object.assign(count, { close: () => connection.close() });
}

async function ingest(admin: Admin, system: Bench, env: BenchEnv, mongoUrl: string): Promise<IngestResult> {
  const kafka = createKafka({ brokers: system.kafkaBrokers, clientId: `${system.id}-ingest`, logger: silent });
  const publisher = new EventPublisher({ kafka, source: '/ketnoi/system-bench', logger: silent, topicName: withSuffix(system.id) });
  await publisher.connect();
  const events = ingestEvents(env.BENCH_SEED, env.BENCH_INGEST);
  const ingestTopic = system.topic(ingestWorkersTopic.name);
  const workers = system.topic(workersTopic.name);
  const matches = system.topic(matchesTopic.name);
  const matchesBefore = await highWater(admin, matches);
  const curves = { registered: [] as [number, number][], published: [] as [number, number][], matched: [] as [number, number][] };
  const started = performance.now();
  let publishedAt = 0;
  const publishing = (async () => {
    try {
      for (let i = 0; i < events.length; i += env.BENCH_INGEST_BATCH) await publisher.publish(ingestWorkersTopic, events.slice(i, i + env.BENCH_INGEST_BATCH));
      publishedAt = performance.now();
    } finally {
      await publisher.disconnect();
    }
  })();
  const deadline = started + env.BENCH_INGEST_TIMEOUT_S * 1000;
  let complete = false;
  // Everything is through when registration has consumed every event, its outbox holds
  // nothing (all it registered is on workers.v1) and matching has consumed all of that.
  // Without registration's database (running services), workers.v1 must stay still for 5 s.
  const pending = await outboxPending(system, mongoUrl);
  let stableHw = -1;
  let stillSince = 0;
  while (performance.now() < deadline) {
    await new Promise((done) => setTimeout(done, 500));
    const at = performance.now() - started;
    // In this order: what registration had consumed is in its outbox or published, and
    // what the outbox no longer held is within workers.v1's high water.
    const reg = await committed(admin, system.group('registration'), ingestTopic);
    const waiting = pending ? await pending() : null;
    const [hw, matched] = await Promise.all([
      highWater(admin, workers),
      committed(admin, system.group('matching'), workers),
    ]);
    curves.registered.push([at, reg]);
    curves.published.push([at, hw]);
    curves.matched.push([at, matched]);
    if (hw !== stableHw) stillSince = at;
    stableHw = hw;
    if (publishedAt > 0 && reg >= events.length && matched >= hw) {
      if (waiting === null ? at - stillSince >= 5_000 : waiting === 0) {
        complete = true;
        break;
      }
    }
  }
  await pending?.close();
  await publishing;
  const last = (points: [number, number][]) => points[points.length - 1]?.[1] ?? 0;
  // Where everything got through, the run ends at the first poll that saw the last worker matched.
  const end = (points: [number, number][]) => points.find(([, n]) => n >= last(points))?.[0] ?? 0;
  return {
    published: events.length,
    publishSeconds: seconds(started, publishedAt || performance.now()),
    registered: { points: curves.registered, total: last(curves.registered) },
    published_workers: { points: curves.published, total: last(curves.published) },
    matched: { points: curves.matched, total: last(curves.matched) },
    proposals: (await highWater(admin, matches)) - matchesBefore,
    seconds: complete ? end(curves.matched) / 1000 : seconds(started),
    complete,
  };
}

interface ProbeResult {
  single: ReturnType<typeof summarize>;
  reads: ReturnType<typeof summarize>;
  /** `cpuPerDoc`: each of FerretDB's and PostgreSQL's CPU time while the insertMany batches ran (other clients' requests meanwhile included), ms per document (own infrastructure only). */
  batch: { docs: number; seconds: number; bytesPerDoc: number; cpuPerDoc: { name: string; ms: number }[] };
}

/** The processes whose CPU a document written costs (FerretDB, and PostgreSQL behind it). */
const STORAGE = new Set(['ferretdb', 'postgres (all processes)']);

/**
 * FerretDB on its own, in the same run: sequential inserts of one small
 * document (the round trip every per-event write pays), reads by _id, and
 * the same documents by insertMany batches.
 */
async function ferretProbe(mongoUrl: string, dbName: string, env: BenchEnv, processes: () => Promise<Sampled>): Promise<ProbeResult> {
  const connection = await mongoose.createConnection(mongoUrl, { dbName, serverSelectionTimeoutMS: 10_000 }).asPromise();
  try {
    const collection = connection.db!.collection<{ _id: string; workerId: string; at: Date; payload: string }>('probe');
    const doc = (i: number, kind: string) => ({ _id: `${kind}-${i}`, workerId: `wrk_${i}`, at: new Date(), payload: 'x'.repeat(300) });
    const single: number[] = [];
    for (let i = 0; i < env.BENCH_PROBE_WRITES; i += 1) {
      const started = performance.now();
      await collection.insertOne(doc(i, 'one'));
      single.push(performance.now() - started);
    }
    const reads: number[] = [];
    for (let i = 0; i < Math.min(100, env.BENCH_PROBE_WRITES); i += 1) {
      const started = performance.now();
      await collection.findOne({ _id: `one-${i}` });
      reads.push(performance.now() - started);
    }
    const docs = Math.max(env.BENCH_PROBE_WRITES, env.BENCH_INGEST_BATCH) * 2;
    const storage = (await processes()).filter((p) => STORAGE.has(p.name));
    const cpuBefore = await cpuMsByName(storage);
    const started = performance.now();
    for (let i = 0; i < docs; i += env.BENCH_INGEST_BATCH) {
      await collection.insertMany(Array.from({ length: Math.min(env.BENCH_INGEST_BATCH, docs - i) }, (_, j) => doc(i + j, 'many')), { ordered: false });
    }
    const elapsed = seconds(started);
    const cpuAfter = await cpuMsByName(storage);
    const cpuPerDoc = [...cpuAfter].map(([name, used]) => ({ name, ms: (used - (cpuBefore.get(name) ?? 0)) / docs }));
    const bytesPerDoc = Buffer.byteLength(JSON.stringify(doc(0, 'many')));
    return { single: summarize(single), reads: summarize(reads), batch: { docs, seconds: elapsed, bytesPerDoc, cpuPerDoc } };
  } finally {
    await connection.dropDatabase().catch(() => {});
    await connection.close();
  }
}

const PROBE_LIMIT_MS = 120_000;

/** The probe, or null (said) when it fails or does not finish within PROBE_LIMIT_MS. */
async function boundedProbe(mongoUrl: string, dbName: string, env: BenchEnv, processes: () => Promise<Sampled>): Promise<ProbeResult | null> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), PROBE_LIMIT_MS);
  });
  try {
    const result = await Promise.race([ferretProbe(mongoUrl, dbName, env, processes), limit]);
    if (result === null) say(`ferretdb probe did not finish in ${PROBE_LIMIT_MS / 1000} s: left out of the table`);
    return result;
  } catch (error) {
    say(`ferretdb probe failed: ${(error as Error).message}`);
    return null;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Waits until every consumer group of the run has consumed all of workers.v1
 * and matches.v1: notification, analytics and jobfairs may still be behind
 * when matching is through (more so when they run at a lower CPU priority),
 * and the latency phases should not share the CPU with the ingest's tail.
 * Seconds it took, or null when `timeoutMs` came first.
 */
async function drainFanOut(admin: Admin, system: Bench, timeoutMs: number, names = [workersTopic.name, matchesTopic.name]): Promise<number | null> {
  const started = performance.now();
  const topics = names.map((name) => system.topic(name));
  while (performance.now() - started < timeoutMs) {
    const lags = (await Promise.all(topics.map((topic) => lagsOn(admin, system, topic)))).flat();
    if (lags.every((l) => l.lag === 0)) return (performance.now() - started) / 1000;
    await new Promise((done) => setTimeout(done, 500));
  }
  return null;
}

/** What the pipeline still has to do: ingest events registration has not consumed, workers.v1 events matching has not. */
async function backlog(admin: Admin, system: Bench, ingested: number): Promise<number> {
  const workers = system.topic(workersTopic.name);
  const [reg, hw, matched] = await Promise.all([
    committed(admin, system.group('registration'), system.topic(ingestWorkersTopic.name)),
    highWater(admin, workers),
    committed(admin, system.group('matching'), workers),
  ]);
  return Math.max(0, ingested - reg) + Math.max(0, hw - matched);
}

/** When the first event of `type` about each vacancy arrives on `topic` (match.proposed on matches.v1, vacancy.opened on vacancies.v1). */
async function watchFirst(kafka: Kafka, topic: string, groupId: string, type: string) {
  const first = new Map<string, number>();
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 10, minBytes: 1 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    partitionsConsumedConcurrently: 3,
    eachBatch: async ({ batch }) => {
      const now = performance.now();
      for (const message of batch.messages) {
        const text = message.value?.toString() ?? '';
        if (!text.includes(`"${type}"`)) continue;
        const event = JSON.parse(text) as { type: string; data?: { vacancyId?: string } };
        const vacancyId = event.data?.vacancyId;
        if (event.type === type && vacancyId && !first.has(vacancyId)) first.set(vacancyId, now);
      }
    },
  });
  return { first, stop: () => consumer.disconnect() };
}

interface HttpAnswer {
  status: number;
  body: Record<string, unknown>;
}

async function post(url: string, token: string, body: unknown, key: string): Promise<HttpAnswer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(60_000),
  });
  const text = await response.text();
  return { status: response.status, body: text.startsWith('{') ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

interface LoadResult {
  target: number;
  sent: number;
  ok: number;
  statuses: Record<string, number>;
  achieved: number;
  http: ReturnType<typeof summarize>;
  e2e?: ReturnType<typeof summarize> & { waiting: number };
  /** The e2e split where the vacancy's event reaches vacancies.v1: the intake's part (request, writes, outbox relay) and matching's. */
  legs?: { intake: ReturnType<typeof summarize>; matching: ReturnType<typeof summarize> };
  /** matches.v1 events each consumer group had still to consume when the phase ended. */
  matchLags?: { group: string; lag: number }[];
  /** Ingest work still queued in the pipeline when the phase started. */
  backlog?: number;
}

function loadSummary(target: number, answers: { due: number; answeredAt: number; result: HttpAnswer | null; error: string | null }[], expected: number): LoadResult {
  const statuses: Record<string, number> = {};
  for (const a of answers) {
    const key = a.result ? String(a.result.status) : `error: ${a.error}`;
    statuses[key] = (statuses[key] ?? 0) + 1;
  }
  const ok = answers.filter((a) => a.result && a.result.status < 300);
  const span = answers.length > 1 ? seconds(answers[0]!.due, Math.max(...answers.map((a) => a.answeredAt))) : Number.NaN;
  return {
    target,
    sent: answers.length,
    ok: ok.length,
    statuses,
    achieved: answers.length === expected && span > 0 ? ok.length / span : Number.NaN,
    http: summarize(answers.map((a) => a.answeredAt - a.due)),
  };
}

/** Arrival times on the bench's consumers: each vacancy's vacancy.opened and its first match.proposed. */
interface Arrivals {
  opened: Map<string, number>;
  matched: Map<string, number>;
}

async function vacancyLoad(admin: Admin, system: Bench, env: BenchEnv, rate: number, vacancies: DemoVacancy[], arrivals: Arrivals): Promise<LoadResult> {
  const firstMatches = arrivals.matched;
  const schedule = openLoopSchedule(rate, env.BENCH_PHASE_S * 1000);
  const answers = await runOpenLoop(schedule, async (i) => {
    const vacancy = vacancies.pop();
    if (!vacancy) throw new Error('out of generated vacancies');
    return post(`${system.vacancyIntakeUrl}/v1/vacancies`, system.staffToken, { ...vacancy.terms, employerId: system.employerId }, `${system.id}-v${rate}-${i}`);
  });
  const result = loadSummary(rate, answers, schedule.length);
  // Latency from the request's due time (not its actual send) to the first match.proposed.
  const dueOf = new Map(answers.filter((a) => typeof a.result?.body.vacancyId === 'string').map((a) => [a.result!.body.vacancyId as string, a.due]));
  const deadline = performance.now() + env.BENCH_MATCH_WAIT_S * 1000;
  while (performance.now() < deadline && [...dueOf.keys()].some((id) => !firstMatches.has(id))) await new Promise((done) => setTimeout(done, 100));
  const latencies = [...dueOf].filter(([id]) => firstMatches.has(id)).map(([id, at]) => firstMatches.get(id)! - at);
  result.e2e = { ...summarize(latencies), waiting: dueOf.size - latencies.length };
  const both = [...dueOf].filter(([id]) => firstMatches.has(id) && arrivals.opened.has(id));
  result.legs = {
    intake: summarize(both.map(([id, at]) => arrivals.opened.get(id)! - at)),
    matching: summarize(both.map(([id]) => firstMatches.get(id)! - arrivals.opened.get(id)!)),
  };
  result.matchLags = await lagsOn(admin, system, system.topic(matchesTopic.name));
  return result;
}

async function workerLoad(system: Bench, env: BenchEnv): Promise<LoadResult> {
  const rate = env.BENCH_WORKER_RATE;
  const schedule = openLoopSchedule(rate, env.BENCH_PHASE_S * 1000);
  // Another seed than the ingest's: other people, other citizen-IDs.
  const profiles = [...generateWorkers(env.BENCH_SEED + 1, schedule.length)].map((w) => w.profile);
  const answers = await runOpenLoop(schedule, (i) => post(`${system.registrationUrl}/v1/workers`, system.staffToken, profiles[i], `${system.id}-w-${i}`));
  return loadSummary(rate, answers, schedule.length);
}

// ---------------------------------------------------------------- the system under test

interface Bench {
  id: string;
  kafkaBrokers: string[];
  registrationUrl: string;
  vacancyIntakeUrl: string;
  staffToken: string;
  employerId: string;
  topic: (name: string) => string;
  group: (service: string) => string;
  processes: () => Promise<Sampled>;
  running: RunningSystem | null;
}

async function startServices(env: BenchEnv, infra: Infra, id: string): Promise<{ running: RunningSystem | null; dataDir: string | null } & Omit<Bench, 'employerId' | 'processes' | 'running' | 'id' | 'kafkaBrokers'>> {
  if (env.REGISTRATION_URL && env.VACANCY_INTAKE_URL) {
    if (!env.STAFF_TOKEN) throw new Error('with REGISTRATION_URL and VACANCY_INTAKE_URL set, STAFF_TOKEN is required');
    const suffix = env.BENCH_TOPIC_SUFFIX;
    const prefix = env.BENCH_GROUP_PREFIX;
    return {
      running: null,
      dataDir: null,
      registrationUrl: env.REGISTRATION_URL,
      vacancyIntakeUrl: env.VACANCY_INTAKE_URL,
      staffToken: env.STAFF_TOKEN,
      topic: (name) => (suffix ? `${name}.${suffix}` : name),
      group: (service) => (prefix ? `${prefix}.${service}` : service),
    };
  }
  const missing = SERVICE_NAMES.map((s) => serverScript(root, s)).filter((f) => !existsSync(f));
  if (missing.length > 0) throw new Error(`build first (pnpm build): missing ${missing.join(', ')}`);
  const dataDir = await mkdtemp(join(tmpdir(), 'ketnoi-bench-'));
  const ports = await freePorts(SERVICE_NAMES.length);
  say(`starting the services (topics *.${id}, databases ${id}_*)`);
  const running = await startSystem({
    root,
    dataDir,
    kafkaBrokers: infra.kafkaBrokers,
    mongoUrl: infra.mongoUrl,
    ports: Object.fromEntries(SERVICE_NAMES.map((s, i) => [s, ports[i]!])) as Record<ServiceName, number>,
    databasePrefix: `${id}_`,
    topicSuffix: id,
    groupPrefix: id,
    logLevel: 'warn',
    readyTimeoutMs: 180_000,
    nice: env.BENCH_SERVICE_NICE,
    // The bench is one client: the per-client HTTP limit would measure the limiter.
    serviceEnv: Object.fromEntries(
      SERVICE_NAMES.map((s) => [s, { ...env.BENCH_SERVICE_ENV, ...(s === 'vacancy-intake' || s === 'jobfairs' ? { RATE_LIMIT_MAX: '100000000' } : {}) }]),
    ),
  });
  return {
    running,
    dataDir,
    registrationUrl: running.urls.registration,
    vacancyIntakeUrl: running.urls['vacancy-intake'],
    staffToken: running.tokens.staff,
    topic: running.topic,
    group: (service) => `${id}.${service}`,
  };
}

// ---------------------------------------------------------------- report

const mb = (bytes: number) => `${Math.round(bytes / 1048576)}`;
const pct = (value: number) => (Number.isNaN(value) ? '–' : `${Math.round(value * 100)}%`);

const BENCH_PROCESS = 'bench (this process)';

/** `NAME=value NAME=value` after `prefix`, or nothing when there are none. */
const settingPairs = (prefix: string, settings: Record<string, string | number>): string =>
  Object.keys(settings).length > 0 ? `${prefix}${Object.entries(settings).map(([k, v]) => `${k}=${v}`).join(' ')}` : '';

function report(input: {
  env: BenchEnv;
  infra: Infra;
  versions: Record<string, string>;
  load: number[];
  raw: RawResult | null;
  floors: FloorResult[];
  ingest: IngestResult | null;
  vacancyLoads: LoadResult[];
  workerLoad: LoadResult | null;
  usages: PhaseUsage[];
  seedVacancies: number;
  probe: ProbeResult | null;
  requestFloor: RequestFloorLoad[];
  /** Seconds from matching through to every group through (null: not within the timeout; undefined: no ingest). */
  drained?: number | null;
}): string {
  const { env, raw, ingest: ing } = input;
  const cpu = cpus();
  const lines: string[] = [];
  lines.push('KetNoi system benchmark');
  lines.push(`machine   ${cpu.length} × ${cpu[0]?.model ?? '?'}, ${Math.round(totalmem() / 2 ** 30)} GiB; load average at start ${input.load.map((l) => l.toFixed(2)).join(' ')} (shared machine: other work runs alongside)`);
  lines.push(`versions  Node ${input.versions.node}, Kafka ${input.versions.kafka}, kafkajs ${input.versions.kafkajs}, FerretDB ${input.versions.ferretdb} on ${input.infra.own ? input.infra.backend : `${input.infra.backend} infrastructure`}${input.versions.postgres ? ` (PostgreSQL ${input.versions.postgres})` : ''}`);
  lines.push(`settings  ingest ${env.BENCH_INGEST} workers in batches of ${env.BENCH_INGEST_BATCH}; ${input.seedVacancies} vacancies open before; vacancy rates ${env.BENCH_RATES.join(', ')}/s and worker rate ${env.BENCH_WORKER_RATE}/s for ${env.BENCH_PHASE_S} s each, open loop; match wait ${env.BENCH_MATCH_WAIT_S} s; seed ${env.BENCH_SEED}${settingPairs('; CPU priority (nice) ', env.BENCH_SERVICE_NICE)}${settingPairs('; services with ', env.BENCH_SERVICE_ENV)}`);
  lines.push('');
  const rawRate = raw ? raw.messages / raw.totalSeconds : Number.NaN;
  const rows: Row[] = [];
  if (raw) {
    rows.push(['raw limit: kafkajs produce → consume', raw.messages, raw.totalSeconds.toFixed(1), perSecond(rawRate), '–', '100%', `${Math.round(raw.bytes / raw.messages)} B/msg; produce alone ${perSecond(raw.messages / raw.produceSeconds)}/s`]);
  }
  // The services idle through the floors: their CPU is no part of their price.
  const floors = input.floors.flatMap((floor) => {
    const usage = input.usages.find((u) => u.phase === floor.name);
    return usage ? [{ floor, cpu: cpuPerItem(usage.usage, floor.received, SERVICE_NAMES) }] : [];
  });
  for (const { floor, cpu: floorCpu } of floors) rows.push(floorRow(floor, rawRate, floorCpu));
  if (ing) {
    const stage = (label: string, curve: { points: [number, number][]; total: number }, note: string) => {
      const steady = steadyRate(curve.points);
      rows.push([label, curve.total, ing.seconds.toFixed(1), perSecond(curve.total / ing.seconds), perSecond(steady), pct(steady / rawRate), note]);
    };
    rows.push(['ingest: published on ingest.workers.v1', ing.published, ing.publishSeconds.toFixed(1), perSecond(ing.published / ing.publishSeconds), '–', '–', 'EventPublisher, as the CLI']);
    stage('ingest: registration consumed', ing.registered, 'committed offsets of its group');
    stage('ingest: workers.v1 published', ing.published_workers, 'registration outbox → Kafka');
    stage('ingest: matching consumed workers.v1', ing.matched, `${ing.complete ? 'all through' : `NOT all through in ${env.BENCH_INGEST_TIMEOUT_S} s`}; ${ing.proposals} events on matches.v1`);
  }
  lines.push(renderTable(['throughput', 'messages', 's', 'mean/s', 'steady/s', 'of raw', 'notes'], rows));
  if (ing) {
    const lag = lagBehind(ing.registered.points, ing.published_workers.points).map((l) => (Number.isNaN(l) ? 'not reached' : (l / 1000).toFixed(1)));
    lines.push(`outbox lag: workers.v1 held 50% / 90% / 100% of what registration consumed ${lag.join(' / ')} s after its committed offsets did (polled every 0.5 s; offsets are committed after the writes, so ≤ 0 is possible)`);
  }
  if (ing && input.drained !== undefined) {
    lines.push(
      input.drained === null
        ? `fan-out drain: some consumer group was still behind on workers.v1 or matches.v1 ${env.BENCH_INGEST_TIMEOUT_S} s after matching was through (the latency phases share the CPU with it)`
        : `fan-out drain: every consumer group had consumed workers.v1 and matches.v1 ${input.drained.toFixed(1)} s after matching was through (its CPU is in the "fan-out drain" column and in the CPU per worker below)`,
    );
  }
  if (ing && raw) {
    const steady = steadyRate(ing.matched.points);
    const met = ing.complete && steady >= 2000 && steady / rawRate >= 0.3;
    lines.push(`goal ≥ 2,000/s and ≥ 30% of raw through matching: ${met ? 'met' : 'NOT met'} (steady = between 10% and 90% of the total)`);
  }
  for (const { floor, cpu: floorCpu } of raw ? floors : []) lines.push(...floorVerdict({ floor, rawRate, cpu: floorCpu, cores: cpu.length, goal: 2000, goalShare: 0.3 }));
  lines.push('');
  const loadRows: Row[] = [];
  for (const l of input.vacancyLoads) {
    loadRows.push([`POST /v1/vacancies → match.proposed`, l.backlog ?? 0, l.target, perSecond(l.achieved), `${l.ok}/${l.sent}`, ms(l.http.p50), ms(l.http.p99), l.e2e ? `${l.e2e.count}/${l.e2e.count + l.e2e.waiting}` : '–', ms(l.e2e?.p50 ?? Number.NaN), ms(l.e2e?.p99 ?? Number.NaN), ms(l.e2e?.max ?? Number.NaN)]);
  }
  if (input.workerLoad) {
    const l = input.workerLoad;
    loadRows.push(['POST /v1/workers', l.backlog ?? 0, l.target, perSecond(l.achieved), `${l.ok}/${l.sent}`, ms(l.http.p50), ms(l.http.p99), '–', '–', '–', '–']);
  }
  lines.push(renderTable(['HTTP, open loop', 'backlog', 'target/s', 'ok/s', 'ok/sent', 'http p50 ms', 'http p99 ms', 'matched', 'e2e p50 ms', 'e2e p99 ms', 'e2e max ms'], loadRows));
  lines.push('backlog: ingest events not yet through registration and matching when the phase started (they compete with it)');
  for (const l of input.vacancyLoads) {
    if (!l.legs || l.legs.intake.count === 0) continue;
    const { intake, matching } = l.legs;
    lines.push(`  e2e at ${l.target}/s split where vacancy.opened reaches vacancies.v1 (${intake.count} vacancies): POST → vacancy.opened p50/p99 ${ms(intake.p50)}/${ms(intake.p99)} ms, vacancy.opened → first match.proposed ${ms(matching.p50)}/${ms(matching.p99)} ms`);
  }
  for (const l of input.vacancyLoads) {
    if (!l.matchLags) continue;
    lines.push(`  matches.v1 events not yet consumed at the end of ${l.target}/s, by group: ${l.matchLags.map((g) => `${g.group} ${g.lag.toLocaleString('en-US')}`).join(', ') || 'none'}`);
  }
  if (input.requestFloor.length > 0) {
    const usageOf = (phase: string) => input.usages.find((u) => u.phase === phase)?.usage ?? [];
    lines.push('');
    lines.push(
      ...requestFloorLines({
        floor: input.requestFloor.map((l) => ({ ...l, usage: usageOf(`${REQUEST_FLOOR_NAME} ${l.target}/s`) })),
        real: input.vacancyLoads.map((l) => ({ ...l, ...(l.legs ? { published: l.legs.intake } : {}), usage: usageOf(`vacancies ${l.target}/s`) })),
        floorServer: REQUEST_FLOOR_NAME,
        realServer: 'vacancy-intake',
        floorExclude: [...SERVICE_NAMES, BENCH_PROCESS],
        realExclude: [BENCH_PROCESS],
        cores: cpu.length,
        goalRate: 100,
        goalP99Ms: 300,
      }),
    );
  }
  const refused = [...input.vacancyLoads, ...(input.workerLoad ? [input.workerLoad] : [])].filter((l) => l.ok < l.sent);
  for (const l of refused) lines.push(`  answers at ${l.target}/s: ${JSON.stringify(l.statuses)}`);
  const sustainable = input.vacancyLoads.filter((l) => l.ok === l.sent && l.achieved >= 0.95 * l.target && (l.e2e?.waiting ?? 0) <= l.sent * 0.05 && (l.e2e?.p99 ?? Infinity) <= 1000);
  lines.push(`highest sustainable vacancy rate tried (all answered 2xx, ≥ 95% of target, e2e p99 ≤ 1 s): ${sustainable.length > 0 ? `${Math.max(...sustainable.map((l) => l.target))}/s` : 'none'}`);
  lines.push(`e2e goal p99 ≤ 300 ms at 100/s: ${(() => {
    const at100 = input.vacancyLoads.find((l) => l.target === 100);
    return at100?.e2e ? `${at100.e2e.p99 <= 300 && at100.e2e.waiting === 0 ? 'met' : 'NOT met'} with ${env.BENCH_INGEST} workers loaded (goal: 100k)` : 'not run';
  })()}`);
  lines.push('');
  if (input.probe) {
    const p = input.probe;
    lines.push(renderTable(['FerretDB alone (same run)', 'n', 'p50 ms', 'p99 ms', 'per second'], [
      ['insertOne, one at a time', p.single.count, ms(p.single.p50), ms(p.single.p99), perSecond(1000 / p.single.p50)],
      ['findOne by _id, one at a time', p.reads.count, ms(p.reads.p50), ms(p.reads.p99), perSecond(1000 / p.reads.p50)],
      [`insertMany, batches of ${env.BENCH_INGEST_BATCH}`, p.batch.docs, '–', '–', perSecond(p.batch.docs / p.batch.seconds)],
    ]));
    if (p.batch.cpuPerDoc.length > 0) {
      const total = p.batch.cpuPerDoc.reduce((n, c) => n + c.ms, 0);
      lines.push(
        `CPU while the insertMany batches ran, per document of ~${p.batch.bytesPerDoc} B: ${p.batch.cpuPerDoc.map((c) => `${c.name} ${c.ms.toFixed(3)} ms`).join(', ')}, ${total.toFixed(3)} ms in all (the services' own requests meanwhile count too: the price of a document only when they are idle)`,
      );
    }
    lines.push('');
  }
  const names = [...new Set(input.usages.flatMap((u) => u.usage.map((p) => p.name)))];
  const usageRows: Row[] = names.map((name) => [
    name,
    ...input.usages.map((u) => {
      const p = u.usage.find((x) => x.name === name);
      return p ? `${Math.round(p.cpuPercent)}% ${mb(p.peakRss)} MB` : '–';
    }),
  ]);
  lines.push(renderTable(['CPU (% of a core) / peak RSS', ...input.usages.map((u) => u.phase)], usageRows));
  const ingestUsage = input.usages.find((u) => u.phase === 'ingest');
  const drainUsage = input.usages.find((u) => u.phase === 'fan-out drain');
  if (ingestUsage && ing) {
    // Over the workers that got through matching (all of them when the phase completed), with the fan-out's tail after it.
    const usage = drainUsage ? combinedUsage(ingestUsage.usage, drainUsage.usage) : ingestUsage.usage;
    const { total, byProcess } = cpuPerItem(usage, ing.matched.total, [BENCH_PROCESS]);
    lines.push(`CPU per worker through the ingest${drainUsage ? ' and the fan-out drain after it' : ''}: ${total.toFixed(2)} ms (${byProcess.map((p) => `${p.name} ${p.ms.toFixed(2)}`).join(', ')}); at 2 cores that is at most ${Math.round(2000 / total)} workers/s`);
  }
  if (!input.infra.own) lines.push('(Kafka and FerretDB are shared: their CPU includes other users of the same infrastructure.)');
  return lines.join('\n');
}

// ---------------------------------------------------------------- main

async function main() {
  const env = readBenchEnv();
  const load = loadavg();
  const id = `bench_${randomBytes(3).toString('hex')}`;
  const infra = await startInfra(env);
  const kafka = new Kafka({ clientId: id, brokers: infra.kafkaBrokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  let services: Awaited<ReturnType<typeof startServices>> | null = null;
  const watchers: Awaited<ReturnType<typeof watchFirst>>[] = [];
  const usages: PhaseUsage[] = [];
  // Once, from the end of the run or from Ctrl-C / SIGTERM: the services, the bench's topics and databases, its own infrastructure.
  let tearingDown: Promise<void> | null = null;
  const teardown = () =>
    (tearingDown ??= (async () => {
      for (const watcher of watchers) await watcher.stop().catch(() => {});
      if (services?.running) {
        await services.running.stop().catch((error: unknown) => say(`stopping the services: ${String(error)}`));
        // Own infrastructure goes as a whole; on shared infrastructure the bench removes what it made.
        if (env.BENCH_KEEP === '0' && !infra.own) {
          const topics = (await admin.listTopics()).filter((t) => t.endsWith(`.${id}`));
          await admin.deleteTopics({ topics }).catch((error: unknown) => say(`deleting topics: ${String(error)}`));
          for (const database of Object.values(services.running.databases)) {
            const connection = await mongoose.createConnection(infra.mongoUrl, { dbName: database, serverSelectionTimeoutMS: 10_000 }).asPromise();
            await connection.dropDatabase().catch(() => {});
            await connection.close();
          }
        }
        if (services.dataDir) await rm(services.dataDir, { recursive: true, force: true });
      }
      await admin.disconnect();
      await infra.stop();
    })());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      say(`${signal}: stopping`);
      void teardown().finally(() => process.exit(130));
    });
  }
  try {
    const found = await versions(infra);
    services = await startServices(env, infra, id);
    const running = services.running;
    const bench: Bench = {
      id,
      kafkaBrokers: infra.kafkaBrokers,
      ...services,
      employerId: await registerEmployer(services.vacancyIntakeUrl, services.staffToken),
      processes: async () => [
        ...(running ? SERVICE_NAMES.map((s) => ({ name: s, pid: running.processes[s].pid ?? -1 })) : []),
        ...(await infraProcesses(infra.dataDir)),
        { name: BENCH_PROCESS, pid: process.pid },
      ],
    };
    const totalVacancies = env.BENCH_SEED_VACANCIES + env.BENCH_RATES.reduce((sum, r) => sum + openLoopSchedule(r, env.BENCH_PHASE_S * 1000).length, 0);
    const vacancies = [...generateVacancies(env.BENCH_SEED, totalVacancies, { employers: 1, today: vietnamToday() })].reverse();

    const raw = env.BENCH_INGEST > 0 ? await measured('raw', bench.processes, usages, () => rawLimit(kafka, admin, id, env)) : null;
    const floors: FloorResult[] = [];
    if (env.BENCH_INGEST > 0 && env.BENCH_FLOOR === '1') floors.push(await floorPhase(kafka, admin, infra, id, env, bench.processes, usages, 'two-hop'));
    if (env.BENCH_INGEST > 0 && env.BENCH_FLOOR_STRUCTURAL === '1') floors.push(await floorPhase(kafka, admin, infra, id, env, bench.processes, usages, 'structural'));

    const matched = await watchFirst(kafka, bench.topic(matchesTopic.name), `${id}.bench-matches`, 'match.proposed');
    const opened = await watchFirst(kafka, bench.topic(vacanciesTopic.name), `${id}.bench-vacancies`, 'vacancy.opened');
    watchers.push(matched, opened);
    const arrivals: Arrivals = { opened: opened.first, matched: matched.first };
    let seeded = 0;
    for (let i = 0; i < env.BENCH_SEED_VACANCIES; i += 1) {
      const vacancy = vacancies.pop()!;
      const answer = await post(`${bench.vacancyIntakeUrl}/v1/vacancies`, bench.staffToken, { ...vacancy.terms, employerId: bench.employerId }, `${id}-seed-${i}`);
      if (answer.status === 201) seeded += 1;
      else say(`seed vacancy ${i} refused: ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
    }
    const ingested = env.BENCH_INGEST > 0 ? await measured('ingest', bench.processes, usages, () => ingest(admin, bench, env, infra.mongoUrl)) : null;
    if (ingested && !ingested.complete) say(`ingest did not finish in ${env.BENCH_INGEST_TIMEOUT_S} s: its rates are over what got through`);
    const drained = ingested ? await measured('fan-out drain', bench.processes, usages, () => drainFanOut(admin, bench, env.BENCH_INGEST_TIMEOUT_S * 1000)) : undefined;

    const queued = async () => (ingested ? backlog(admin, bench, ingested.published) : 0);
    const vacancyLoads: LoadResult[] = [];
    for (const rate of env.BENCH_RATES) {
      const before = await queued();
      vacancyLoads.push({ ...(await measured(`vacancies ${rate}/s`, bench.processes, usages, () => vacancyLoad(admin, bench, env, rate, vacancies, arrivals))), backlog: before });
    }
    // One of the bench's vacancies as every request's body (the floor reads it only to hash it, as the idempotency fingerprint does).
    const floorBody = JSON.stringify({ ...[...generateVacancies(env.BENCH_SEED + 2, 1, { employers: 1, today: vietnamToday() })][0]!.terms, employerId: bench.employerId });
    const requestFloor = env.BENCH_FLOOR_REQUEST === '1' ? await requestFloorPhases(kafka, admin, infra, bench, env, floorBody, usages) : [];
    const workersBefore = await queued();
    const workers = { ...(await measured(`workers ${env.BENCH_WORKER_RATE}/s`, bench.processes, usages, () => workerLoad(bench, env))), backlog: workersBefore };
    // The probe has hung once on PostgreSQL with the services idle; bounded, so the table is printed either way.
    const probe = env.BENCH_PROBE_WRITES > 0 ? await measured('ferretdb probe', bench.processes, usages, () => boundedProbe(infra.mongoUrl, `${id}_probe`, env, bench.processes)) : null;
    process.stdout.write(`${report({ env, infra, versions: found, load, raw, floors, ingest: ingested, vacancyLoads, workerLoad: workers, usages, seedVacancies: seeded, probe, drained, requestFloor })}\n`);
  } finally {
    await teardown();
  }
}

await main();
