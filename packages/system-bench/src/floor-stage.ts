// One stage of the floor phase (floor.ts), run as its own process like a service:
// consumes `from` in batches, stores one document per message with one unordered
// insertMany per batch, produces each message again to `to`, then lets kafkajs
// commit the batch's offsets. No business logic: the least work a hop can do.
import { Kafka, logLevel } from 'kafkajs';
import mongoose from 'mongoose';
import { floorDocument, floorStageOptions, onlyDuplicates, type FloorDocument } from './floor-document.js';

const options = floorStageOptions.parse(JSON.parse(process.argv[2] ?? '{}'));
const kafka = new Kafka({ clientId: options.groupId, brokers: options.brokers, logLevel: logLevel.NOTHING });
const consumer = kafka.consumer({
  groupId: options.groupId,
  allowAutoTopicCreation: false,
  maxWaitTimeInMs: options.maxWaitTimeInMs,
  minBytes: options.minBytes,
});
const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
const connection = await mongoose.createConnection(options.mongoUrl, { dbName: options.dbName, serverSelectionTimeoutMS: 10_000 }).asPromise();
const documents = connection.db!.collection<FloorDocument>(options.collection);

let stopping: Promise<void> | null = null;
const stop = (code: number) =>
  (stopping ??= (async () => {
    await consumer.disconnect().catch(() => {});
    await producer.disconnect().catch(() => {});
    await connection.close().catch(() => {});
    process.exit(code);
  })());
process.on('message', (message) => message === 'stop' && void stop(0));
// The bench gone (its IPC channel closed): nothing left to serve.
process.on('disconnect', () => void stop(0));

consumer.on(consumer.events.GROUP_JOIN, () => process.send?.('ready'));
consumer.on(consumer.events.CRASH, ({ payload }) => {
  process.stderr.write(`[floor ${options.groupId}] consumer crashed: ${payload.error.message}\n`);
  void stop(1);
});
await Promise.all([consumer.connect(), producer.connect()]);
await consumer.subscribe({ topic: options.from, fromBeginning: true });
await consumer.run({
  partitionsConsumedConcurrently: options.partitionsConsumedConcurrently,
  eachBatch: async ({ batch }) => {
    if (batch.messages.length === 0) return;
    const docs = batch.messages.map((m) => floorDocument(m.value?.toString() ?? ''));
    await documents.insertMany(docs, { ordered: false }).catch((error: unknown) => {
      if (!onlyDuplicates(error)) throw error;
    });
    await producer.send({ topic: options.to, acks: -1, messages: batch.messages.map((m) => ({ key: m.key, value: m.value })) });
  },
});
