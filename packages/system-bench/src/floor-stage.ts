// A stage process of the floor phases (floor.ts), run as its own process like a
// service: one consumer per group of `consumers`, each handling its topics in
// batches, a chunk at a time: the chunk's inserts (one unordered insertMany each,
// one after another), then each message produced again to `to`, then `clear`
// emptied; offsets resolved per chunk and committed per batch, as messaging's
// EventConsumer does. With `relay`, an outbox relay beside them publishes the
// entries the consumers wrote. No business logic: the least work the topology does.
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import mongoose from 'mongoose';
import { chunkDocuments, entryMessages, eventIdOf, floorStageOptions, forTarget, onlyDuplicates, type FloorInput, type FloorMessage, type FloorRelay } from './floor-document.js';

const SEND_CHUNK = 500;
const RELAY_IDLE_MS = 500;

const options = floorStageOptions.parse(JSON.parse(process.argv[2] ?? '{}'));
const kafka = new Kafka({ clientId: options.name, brokers: options.brokers, logLevel: logLevel.NOTHING });
const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
const connection = await mongoose.createConnection(options.mongoUrl, { dbName: options.dbName, serverSelectionTimeoutMS: 10_000 }).asPromise();
const db = connection.db!;
const consumers = options.consumers.map((c) => ({
  ...c,
  consumer: kafka.consumer({ groupId: c.groupId, allowAutoTopicCreation: false, maxWaitTimeInMs: options.maxWaitTimeInMs, minBytes: options.minBytes }),
}));

let relayLoop: Promise<void> | undefined;
let wakeRelay: () => void = () => {};
let relayKicked = false;
let stopping: Promise<void> | null = null;
const stop = (code: number) =>
  (stopping ??= (async () => {
    wakeRelay();
    await Promise.all(consumers.map(({ consumer }) => consumer.disconnect().catch(() => {})));
    await relayLoop;
    await producer.disconnect().catch(() => {});
    await connection.close().catch(() => {});
    process.exit(code);
  })());
process.on('message', (message) => message === 'stop' && void stop(0));
// The bench gone (its IPC channel closed): nothing left to serve.
process.on('disconnect', () => void stop(0));

async function insert(collection: string, docs: Record<string, unknown>[]): Promise<void> {
  if (docs.length === 0) return;
  await db
    .collection(collection)
    .insertMany(docs as never[], { ordered: false })
    .catch((error: unknown) => {
      if (!onlyDuplicates(error)) throw error;
    });
}

/** In sends of SEND_CHUNK, as service-kit's relay does. */
async function send(topic: string, messages: readonly FloorMessage[]): Promise<void> {
  for (let i = 0; i < messages.length; i += SEND_CHUNK) await producer.send({ topic, acks: -1, messages: messages.slice(i, i + SEND_CHUNK) });
}

async function handleChunk(input: FloorInput, messages: readonly FloorMessage[]): Promise<void> {
  const ids = input.inserts.length > 0 ? messages.map((m) => eventIdOf(m.value)) : [];
  const at = new Date();
  for (const step of input.inserts) await insert(step.collection, chunkDocuments(step, messages, ids, at));
  // Once the chunk is written (its entry settled by its marker), as registration kicks its relay (`deps.published()`).
  if (options.relay && input.inserts.some((step) => step.kind === 'entry' && step.collection === options.relay!.entries)) {
    relayKicked = true;
    wakeRelay();
  }
  // The chunk in one send, as the two-hop floor always did (matching's chunks are its sends' size anyway).
  for (const target of input.to) await producer.send({ topic: target.topic, acks: -1, messages: forTarget(target, messages) });
  if (input.clear) await db.collection(input.clear).deleteMany({});
}

/** One round of the relay: the settled entries among the next `entryLimit`, published, then deleted with their markers. */
async function relayOnce(relay: FloorRelay): Promise<number> {
  const entries = await db.collection<{ _id: string; batch: Uint8Array }>(relay.entries).find({}).limit(relay.entryLimit).toArray();
  if (entries.length === 0) return 0;
  const markers = await db.collection<{ _id: string }>(relay.markers).find({ _id: { $in: entries.map((e) => e._id) } }).toArray();
  const settled = new Set(markers.map((m) => m._id));
  const taken = entries.filter((e) => settled.has(e._id));
  if (taken.length === 0) return 0;
  const messages = taken.flatMap((e) => entryMessages(e));
  await Promise.all(relay.to.map((target) => send(target.topic, forTarget(target, messages))));
  const ids = taken.map((e) => e._id);
  await db.collection<{ _id: string }>(relay.entries).deleteMany({ _id: { $in: ids } });
  await db.collection<{ _id: string }>(relay.markers).deleteMany({ _id: { $in: ids } });
  return messages.length;
}

async function runRelay(relay: FloorRelay): Promise<void> {
  while (!stopping) {
    relayKicked = false;
    const sent = await relayOnce(relay).catch((error: unknown) => {
      process.stderr.write(`[floor ${options.name}] relay: ${String(error)}\n`);
      return 0;
    });
    if (sent > 0 || relayKicked) continue;
    await new Promise<void>((done) => {
      const timer = setTimeout(done, RELAY_IDLE_MS);
      wakeRelay = () => {
        clearTimeout(timer);
        done();
      };
    });
  }
}

async function start(consumer: Consumer, inputs: readonly FloorInput[], partitionsConsumedConcurrently: number): Promise<void> {
  const byTopic = new Map(inputs.map((input) => [input.topic, input]));
  await consumer.connect();
  for (const input of inputs) await consumer.subscribe({ topic: input.topic, fromBeginning: true });
  await consumer.run({
    partitionsConsumedConcurrently,
    eachBatchAutoResolve: false,
    eachBatch: async ({ batch, resolveOffset, heartbeat, commitOffsetsIfNecessary }) => {
      const input = byTopic.get(batch.topic);
      if (!input || batch.messages.length === 0) return;
      const size = input.chunk ?? batch.messages.length;
      try {
        for (let i = 0; i < batch.messages.length; i += size) {
          const chunk = batch.messages.slice(i, i + size);
          await handleChunk(input, chunk.map((m) => ({ key: m.key?.toString() ?? null, value: m.value?.toString() ?? '' })));
          resolveOffset(chunk[chunk.length - 1]!.offset);
          await heartbeat();
        }
      } finally {
        await commitOffsetsIfNecessary();
      }
    },
  });
}

// Ready once every consumer has joined its group.
let joined = 0;
for (const { consumer, groupId } of consumers) {
  consumer.on(consumer.events.GROUP_JOIN, () => {
    joined += 1;
    if (joined === consumers.length) process.send?.('ready');
  });
  consumer.on(consumer.events.CRASH, ({ payload }) => {
    process.stderr.write(`[floor ${groupId}] consumer crashed: ${payload.error.message}\n`);
    void stop(1);
  });
}
await producer.connect();
if (options.relay) relayLoop = runRelay(options.relay);
await Promise.all(consumers.map(({ consumer, inputs, partitionsConsumedConcurrently }) => start(consumer, inputs, partitionsConsumedConcurrently)));
