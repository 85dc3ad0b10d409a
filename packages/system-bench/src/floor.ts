import type { ChildProcess } from 'node:child_process';
import type { Admin, Kafka } from 'kafkajs';
import mongoose from 'mongoose';
import type { BenchEnv } from './config.js';
import type { FloorStageOptions } from './floor-document.js';
import { forkReady, READY_MS, stopForked } from './forked.js';
import { floorTopology, groupsOf, undrained, type FloorVariant } from './floor-topology.js';
import { ingestMessages } from './ingest-messages.js';
import { committed, highWater } from './offsets.js';

export interface FloorResult {
  /** The phase's name (`floor`, `structural floor`): in the CPU/RSS table and the lines below the table. */
  name: string;
  /** Its row's label in the throughput table. */
  label: string;
  /** What its CPU is counted per (floor-report.ts). */
  unit: 'message' | 'worker';
  messages: number;
  /** Messages that reached the last topic (each once; more only after a redelivery). */
  received: number;
  /** From the first send to the last message received (to the deadline when not all came through). */
  seconds: number;
  /** From the first send until every group had committed all it consumes (or the deadline). */
  drainSeconds: number;
  /** Groups (`group on topic`) that had not consumed everything by the deadline. */
  undrained: string[];
  /** [ms since the first send, messages received so far], one per batch received. */
  points: [number, number][];
  /** Every message through to the last topic, and every group done. */
  complete: boolean;
}

export interface Floor {
  /** As FloorResult's. */
  name: string;
  /** The stage processes, named for the CPU/RSS table. */
  processes: { name: string; pid: number }[];
  run: () => Promise<FloorResult>;
  close: () => Promise<void>;
}

/** Starts a stage and waits until its consumers have joined their groups. */
const startStage = async (options: FloorStageOptions): Promise<ChildProcess> => (await forkReady('floor-stage.ts', options, 'join its groups')).child;

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

/** Waits (up to `ms`) until every group has committed all of every topic it consumes; returns those that had not. */
async function drain(admin: Admin, groups: ReturnType<typeof groupsOf>, expected: number, ms: number): Promise<string[]> {
  const deadline = performance.now() + ms;
  const topics = [...new Set(groups.flatMap((g) => g.topics))];
  for (;;) {
    const highs = new Map(await Promise.all(topics.map(async (topic) => [topic, await highWater(admin, topic)] as const)));
    const consumed = new Map(await Promise.all(groups.flatMap(({ groupId, topics: its }) => its.map(async (topic) => [`${groupId} ${topic}`, await committed(admin, groupId, topic)] as const))));
    const left = undrained(groups, highs, (groupId, topic) => consumed.get(`${groupId} ${topic}`) ?? 0, expected);
    if (left.length === 0 || performance.now() >= deadline) return left;
    // Only the tail after the last topic is complete is polled: its requests are a small part of the phase.
    await new Promise((done) => setTimeout(done, 200));
  }
}

/**
 * A floor phase (floor-topology.ts): the raw limit's messages produced on
 * its first topic (ingest.workers.v1's partitions), handled by its stage
 * processes, counted by the bench on its last; done once every group has
 * committed all it consumes, so all their work is inside the phase. Topics
 * end in `.<id>` (deleted with the bench's others), the database is dropped
 * by close().
 */
export async function prepareFloor(kafka: Kafka, admin: Admin, brokers: string[], mongoUrl: string, id: string, env: BenchEnv, variant: FloorVariant = 'two-hop'): Promise<Floor> {
  const dbName = variant === 'two-hop' ? `${id}_floor` : `${id}_floor_s`;
  const topology = floorTopology(variant, id, {
    brokers,
    mongoUrl,
    dbName,
    maxWaitTimeInMs: Number(env.BENCH_SERVICE_ENV.KAFKA_FETCH_MAX_WAIT_MS ?? 1_000),
    minBytes: Number(env.BENCH_SERVICE_ENV.KAFKA_FETCH_MIN_BYTES ?? 1),
  });
  await admin.createTopics({ topics: topology.topics.map(({ topic, partitions }) => ({ topic, numPartitions: partitions, replicationFactor: 1 })), waitForLeaders: true });
  const messages = ingestMessages(env.BENCH_SEED, env.BENCH_INGEST);
  const stages: ChildProcess[] = [];
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  let arrivals: Awaited<ReturnType<typeof countArrivals>> | null = null;
  const close = async () => {
    await Promise.all(stages.map(stopForked));
    await Promise.all([arrivals?.stop(), producer.disconnect()]);
    const connection = await mongoose.createConnection(mongoUrl, { dbName, serverSelectionTimeoutMS: 10_000 }).asPromise();
    await connection.dropDatabase().catch(() => {});
    await connection.close();
  };
  try {
    // Started before the phase is measured: their start-up (tsx, connections, group join) is not the floor's price.
    const started = await Promise.allSettled(topology.stages.map((options) => startStage(options)));
    for (const result of started) if (result.status === 'fulfilled') stages.push(result.value);
    const failed = started.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
    await producer.connect();
    const counted = (arrivals = await countArrivals(kafka, `${id}.${variant === 'two-hop' ? 'floor' : 'floor-s'}`, topology.last, messages.length));
    const groups = groupsOf(topology.stages);
    const run = async (): Promise<FloorResult> => {
      const started = performance.now();
      for (let i = 0; i < messages.length; i += env.BENCH_INGEST_BATCH) {
        await producer.send({ topic: topology.first, acks: -1, messages: messages.slice(i, i + env.BENCH_INGEST_BATCH) });
      }
      const timeout = env.BENCH_INGEST_TIMEOUT_S * 1000;
      await within(counted.all, timeout);
      const left = await drain(admin, groups, messages.length, Math.max(0, timeout - (performance.now() - started)));
      const drainSeconds = (performance.now() - started) / 1000;
      const received = counted.received();
      const complete = received >= messages.length && left.length === 0;
      const points = counted.points.map(([at, n]): [number, number] => [at - started, n]);
      const end = received >= messages.length ? points[points.length - 1]![0] : performance.now() - started;
      return { name: topology.name, label: topology.label, unit: variant === 'two-hop' ? 'message' : 'worker', messages: messages.length, received, seconds: end / 1000, drainSeconds, undrained: left, points, complete };
    };
    return { name: topology.name, processes: topology.stages.map((options, i) => ({ name: options.name, pid: stages[i]?.pid ?? -1 })), run, close };
  } catch (error) {
    await close().catch(() => {});
    throw error;
  }
}
