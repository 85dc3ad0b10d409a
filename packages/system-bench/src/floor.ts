import { ingestWorkersTopic, matchesTopic, workersTopic } from '@ketnoi/contracts';
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Admin, Kafka } from 'kafkajs';
import mongoose from 'mongoose';
import type { BenchEnv } from './config.js';
import type { FloorStageOptions } from './floor-document.js';
import { ingestMessages } from './ingest-messages.js';

export interface FloorResult {
  messages: number;
  /** Messages that reached the last topic (each once; more only after a redelivery). */
  received: number;
  /** From the first send to the last message received (to the deadline when not all came through). */
  seconds: number;
  /** [ms since the first send, messages received so far], one per batch received. */
  points: [number, number][];
  complete: boolean;
}

export interface Floor {
  /** The stage processes, named for the CPU/RSS table. */
  processes: { name: string; pid: number }[];
  run: () => Promise<FloorResult>;
  close: () => Promise<void>;
}

const READY_MS = 60_000;

/** Forks a stage with the bench's own Node flags (tsx, conditions) and waits until its consumer has joined its group. */
async function startStage(options: FloorStageOptions): Promise<ChildProcess> {
  const child = fork(join(import.meta.dirname, 'floor-stage.ts'), [JSON.stringify(options)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  await new Promise<void>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`floor stage ${options.groupId} did not join in ${READY_MS / 1000} s`)), READY_MS);
    child.once('message', () => {
      clearTimeout(timer);
      ready();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`floor stage ${options.groupId} exited with ${code}`));
    });
  }).catch((error: unknown) => {
    child.kill();
    throw error;
  });
  return child;
}

async function stopStage(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.send('stop');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Counts what arrives on `topic` from its beginning, once its consumer has joined: [when (performance.now()), how many so far] per batch. */
async function countArrivals(kafka: Kafka, groupId: string, topic: string, expected: number) {
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 50 });
  const points: [number, number][] = [];
  let received = 0;
  let allReceived: () => void = () => {};
  const all = new Promise<void>((done) => (allReceived = done));
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const joined = new Promise<void>((done) => consumer.on(consumer.events.GROUP_JOIN, () => done()));
  await consumer.run({
    eachBatch: async ({ batch }) => {
      received += batch.messages.length;
      points.push([performance.now(), received]);
      if (received >= expected) allReceived();
    },
  });
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, fail) => (timer = setTimeout(() => fail(new Error(`${groupId} did not join in ${READY_MS / 1000} s`)), READY_MS)));
  await Promise.race([joined, late]).finally(() => clearTimeout(timer));
  return { points, all, received: () => received, stop: () => consumer.disconnect() };
}

/** Settles after `ms` or with `promise`, whichever comes first. */
async function within(promise: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([promise, new Promise<void>((done) => (timer = setTimeout(done, ms)))]);
  clearTimeout(timer);
}

/**
 * The ingest's topology with no business logic: the raw limit's messages
 * produced on topic A (ingest.workers.v1's partitions); stage 1 stores one
 * document per message and forwards it to B (workers.v1's partitions); stage
 * 2 does the same from B to C (matches.v1's); the bench counts C. Topics end
 * in `.<id>` (deleted with the bench's others), the database is dropped by
 * close().
 */
export async function prepareFloor(kafka: Kafka, admin: Admin, brokers: string[], mongoUrl: string, id: string, env: BenchEnv): Promise<Floor> {
  const [a, b, c] = ['a', 'b', 'c'].map((t) => `bench-floor-${t}.${id}`) as [string, string, string];
  await admin.createTopics({
    topics: [
      { topic: a, numPartitions: ingestWorkersTopic.partitions, replicationFactor: 1 },
      { topic: b, numPartitions: workersTopic.partitions, replicationFactor: 1 },
      { topic: c, numPartitions: matchesTopic.partitions, replicationFactor: 1 },
    ],
    waitForLeaders: true,
  });
  const dbName = `${id}_floor`;
  const stage = (n: number, from: string, to: string, partitions: number): FloorStageOptions => ({
    brokers,
    mongoUrl,
    dbName,
    collection: `stage${n}`,
    from,
    to,
    groupId: `${id}.floor-${n}`,
    partitionsConsumedConcurrently: partitions,
    maxWaitTimeInMs: Number(env.BENCH_SERVICE_ENV.KAFKA_FETCH_MAX_WAIT_MS ?? 1_000),
    minBytes: Number(env.BENCH_SERVICE_ENV.KAFKA_FETCH_MIN_BYTES ?? 1),
  });
  const messages = ingestMessages(env.BENCH_SEED, env.BENCH_INGEST);
  const stages: ChildProcess[] = [];
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  let arrivals: Awaited<ReturnType<typeof countArrivals>> | null = null;
  const close = async () => {
    await Promise.all(stages.map(stopStage));
    await Promise.all([arrivals?.stop(), producer.disconnect()]);
    const connection = await mongoose.createConnection(mongoUrl, { dbName, serverSelectionTimeoutMS: 10_000 }).asPromise();
    await connection.dropDatabase().catch(() => {});
    await connection.close();
  };
  try {
    // Started before the phase is measured: their start-up (tsx, connections, group join) is not the floor's price.
    stages.push(await startStage(stage(1, a, b, ingestWorkersTopic.partitions)));
    stages.push(await startStage(stage(2, b, c, workersTopic.partitions)));
    await producer.connect();
    const counted = (arrivals = await countArrivals(kafka, `${id}.floor`, c, messages.length));
    const run = async (): Promise<FloorResult> => {
      const started = performance.now();
      for (let i = 0; i < messages.length; i += env.BENCH_INGEST_BATCH) {
        await producer.send({ topic: a, acks: -1, messages: messages.slice(i, i + env.BENCH_INGEST_BATCH) });
      }
      await within(counted.all, env.BENCH_INGEST_TIMEOUT_S * 1000);
      const received = counted.received();
      const complete = received >= messages.length;
      const points = counted.points.map(([at, n]): [number, number] => [at - started, n]);
      const end = complete ? points[points.length - 1]![0] : performance.now() - started;
      return { messages: messages.length, received, seconds: end / 1000, points, complete };
    };
    return { processes: stages.map((child, i) => ({ name: `floor stage ${i + 1}`, pid: child.pid ?? -1 })), run, close };
  } catch (error) {
    await close().catch(() => {});
    throw error;
  }
}
