import type { ChildProcess } from 'node:child_process';
import { vacanciesTopic } from '@ketnoi/contracts';
import type { Admin, Kafka } from 'kafkajs';
import mongoose from 'mongoose';
import { forkReady, READY_MS, stopForked } from './forked.js';
import { employerDoc, REAL_INDEXES, requestFloorTexts } from './request-floor-documents.js';
import type { RequestFloorOptions } from './request-floor-options.js';
import { openLoopSchedule, runOpenLoop } from './schedule.js';
import { summarize, type Summary } from './stats.js';

/** One rate of the request floor: its answers, and when each vacancy's event reached the phase's topic. */
export interface RequestFloorLoad {
  target: number;
  sent: number;
  ok: number;
  /** Answers 2xx per second, from the first due time to the last answer. */
  achieved: number;
  statuses: Record<string, number>;
  /** From each request's due time to its answer. */
  http: Summary;
  /** From each request's due time until its vacancy.opened was on the topic; `waiting`: never seen. */
  published: Summary & { waiting: number };
  /** The server's relay over the rate (its reads of the index, sends, events, marks), and its answers; `unmarked`: versions it had still to mark at the end. */
  relay: { reads: number; sends: number; events: number; marks: number; answered: number; failed: number; unmarked: number };
}

export interface RequestFloor {
  /** The server's name in the CPU/RSS table. */
  processes: { name: string; pid: number }[];
  load: (rate: number, seconds: number, waitSeconds: number) => Promise<RequestFloorLoad>;
  close: () => Promise<void>;
}

export const REQUEST_FLOOR_NAME = 'request floor';
const emptyCounts = { reads: 0, sends: 0, events: 0, marks: 0, answered: 0, failed: 0, unmarked: 0 };
/** Vacancies posted before the first rate, as the bench opens 30 before its vacancy phases: the server's code warm. */
const WARM_UP = 30;
type Counts = RequestFloorLoad['relay'];

/** The counts of `b` since `a`. */
const since = (a: Counts, b: Counts): Counts => ({
  reads: b.reads - a.reads,
  sends: b.sends - a.sends,
  events: b.events - a.events,
  marks: b.marks - a.marks,
  answered: b.answered - a.answered,
  failed: b.failed - a.failed,
  unmarked: b.unmarked,
});

/** Its collections with the real ones' indexes, and the one employer, before the server starts. */
async function seed(mongoUrl: string, dbName: string, employerId: string): Promise<void> {
  const connection = await mongoose.createConnection(mongoUrl, { dbName, serverSelectionTimeoutMS: 10_000 }).asPromise();
  try {
    const db = connection.db!;
    for (const [name, indexes] of Object.entries(REAL_INDEXES)) {
      await db.createCollection(name);
      for (const key of indexes) await db.collection(name).createIndex(key);
    }
    await db.collection<{ _id: string }>('employers').insertOne(employerDoc(employerId, new Date(), requestFloorTexts()) as { _id: string });
  } finally {
    await connection.close();
  }
}

async function startServer(options: RequestFloorOptions): Promise<{ child: ChildProcess; port: number }> {
  const { child, message } = await forkReady('request-floor-server.ts', options, 'listen');
  return { child, port: (message as { port: number }).port };
}

function countsOf(child: ChildProcess): Promise<Counts> {
  return new Promise((done) => {
    const timer = setTimeout(() => done(emptyCounts), 5_000);
    const listen = (message: unknown) => {
      const counts = (message as { counts?: Counts }).counts;
      if (!counts) return;
      clearTimeout(timer);
      child.off('message', listen);
      done(counts);
    };
    child.on('message', listen);
    child.send('counts');
  });
}

/** When each vacancy's vacancy.opened arrives on `topic` (performance.now()), once the consumer has joined. */
async function watchPublished(kafka: Kafka, groupId: string, topic: string) {
  const first = new Map<string, number>();
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 10, minBytes: 1 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const joined = new Promise<void>((done) => consumer.on(consumer.events.GROUP_JOIN, () => done()));
  await consumer.run({
    partitionsConsumedConcurrently: vacanciesTopic.partitions,
    eachBatch: async ({ batch }) => {
      const now = performance.now();
      for (const message of batch.messages) {
        const vacancyId = message.key?.toString();
        if (vacancyId && !first.has(vacancyId)) first.set(vacancyId, now);
      }
    },
  });
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([joined, new Promise((_, fail) => (timer = setTimeout(() => fail(new Error(`${groupId} did not join in ${READY_MS / 1000} s`)), READY_MS)))]).finally(() => clearTimeout(timer));
  return { first, stop: () => consumer.disconnect() };
}

async function post(url: string, body: string, key: string): Promise<{ status: number; vacancyId: string | null }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': key }, body, signal: AbortSignal.timeout(60_000) });
  const text = await response.text();
  return { status: response.status, vacancyId: response.status === 201 ? ((JSON.parse(text) as { vacancyId?: string }).vacancyId ?? null) : null };
}

/**
 * The request floor (request-floor-server.ts): its server forked and
 * listening, its database seeded (`<id>_request_floor`, dropped by close),
 * its topic (`bench-request-floor.<id>`, vacancies.v1's partitions, deleted
 * with the bench's others) watched; `load` posts `body` at a rate, open loop.
 */
export async function prepareRequestFloor(kafka: Kafka, admin: Admin, brokers: string[], mongoUrl: string, id: string, body: string): Promise<RequestFloor> {
  const dbName = `${id}_request_floor`;
  const topic = `bench-request-floor.${id}`;
  const employerId = `emp_${id.replace(/[^a-z0-9]/giu, '').padEnd(26, '0').slice(0, 26)}`;
  await admin.createTopics({ topics: [{ topic, numPartitions: vacanciesTopic.partitions, replicationFactor: 1 }], waitForLeaders: true });
  let server: ChildProcess | null = null;
  let watcher: Awaited<ReturnType<typeof watchPublished>> | null = null;
  const close = async () => {
    if (server) await stopForked(server);
    await watcher?.stop();
    const connection = await mongoose.createConnection(mongoUrl, { dbName, serverSelectionTimeoutMS: 10_000 }).asPromise();
    await connection.dropDatabase().catch(() => {});
    await connection.close();
  };
  try {
    await seed(mongoUrl, dbName, employerId);
    const started = await startServer({ name: REQUEST_FLOOR_NAME, brokers, mongoUrl, dbName, topic, employerId });
    server = started.child;
    const child = server;
    const published = (watcher = await watchPublished(kafka, `${id}.request-floor`, topic));
    const url = `http://127.0.0.1:${started.port}/v1/vacancies`;
    for (let i = 0; i < WARM_UP; i += 1) await post(url, body, `${id}-rf-warm-${i}`);
    const load = async (rate: number, seconds: number, waitSeconds: number): Promise<RequestFloorLoad> => {
      const before = await countsOf(child);
      const schedule = openLoopSchedule(rate, seconds * 1000);
      const answers = await runOpenLoop(schedule, (i) => post(url, body, `${id}-rf${rate}-${i}`));
      const dueOf = new Map(answers.flatMap((a) => (a.result?.vacancyId ? [[a.result.vacancyId, a.due] as const] : [])));
      // The relay's last sends are part of the floor's work: waited for inside the phase.
      const deadline = performance.now() + waitSeconds * 1000;
      while (performance.now() < deadline && [...dueOf.keys()].some((v) => !published.first.has(v))) await new Promise((done) => setTimeout(done, 50));
      // And its marks: the real relay marks once a read finds nothing (its idle tick, 0.5 s after the last write), inside the real phase's match wait.
      let after = await countsOf(child);
      while (performance.now() < deadline && after.unmarked > 0) {
        await new Promise((done) => setTimeout(done, 100));
        after = await countsOf(child);
      }
      const statuses: Record<string, number> = {};
      for (const a of answers) {
        const status = a.result ? String(a.result.status) : `error: ${a.error}`;
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
      const ok = answers.filter((a) => a.result?.status === 201);
      const span = answers.length > 1 ? (Math.max(...answers.map((a) => a.answeredAt)) - answers[0]!.due) / 1000 : Number.NaN;
      const seen = [...dueOf].filter(([v]) => published.first.has(v)).map(([v, due]) => published.first.get(v)! - due);
      return {
        target: rate,
        sent: answers.length,
        ok: ok.length,
        achieved: span > 0 ? ok.length / span : Number.NaN,
        statuses,
        http: summarize(answers.map((a) => a.answeredAt - a.due)),
        published: { ...summarize(seen), waiting: dueOf.size - seen.length },
        relay: since(before, after),
      };
    };
    return { processes: [{ name: REQUEST_FLOOR_NAME, pid: child.pid ?? -1 }], load, close };
  } catch (error) {
    await close().catch(() => {});
    throw error;
  }
}
