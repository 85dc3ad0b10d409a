// The request floor's server (request-floor.ts), a process of its own like a
// service: POST /v1/vacancies with no business logic, validation, auth or
// mongoose, only the durable round trips a real POST makes, in its order and
// overlap, through the driver (mongoose's connection's `db`):
//   1. the idempotency claim and effect in one unordered insertMany, while
//   2. the employer's head is read by _id (concurrent reads of it shared, as
//      vacancy-intake's employer prefetch does);
//   3. version 1 with its outbox inserted, then
//   4. its pending-index entry and the head inserted side by side;
//   5. the entry handed to the relay, which is kicked (request-floor-relay.ts:
//      produce what was handed over, or read pending, produce, delete);
//   6. the answer inserted, then 201 with it.
// The idempotency inserts of concurrent requests share one insertMany as the
// real plugin's do (service-kit's GroupCommit, gathering one turn).
// node:http, not fastify: fastify is no dependency of system-bench (adding it
// changes the workspace's lockfile), and its routing and body reading are a
// small part of a request next to six round trips.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { GroupCommit } from '@ketnoi/service-kit';
import { CompressionTypes, Kafka, logLevel } from 'kafkajs';
import mongoose from 'mongoose';
import { outboxValue, requestDocuments, requestFloorTexts, vacancyIdOf } from './request-floor-documents.js';
import { requestFloorOptions } from './request-floor-options.js';
import { FloorRelay, type FloorEntry } from './request-floor-relay.js';

const options = requestFloorOptions.parse(JSON.parse(process.argv[2] ?? '{}'));
const texts = requestFloorTexts();
const kafka = new Kafka({ clientId: options.name, brokers: options.brokers, logLevel: logLevel.NOTHING });
const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
const connection = await mongoose.createConnection(options.mongoUrl, { dbName: options.dbName, serverSelectionTimeoutMS: 10_000, bufferCommands: false }).asPromise();
const db = connection.db!;
const keys = db.collection<Record<string, unknown>>('idempotency_keys');
const employers = db.collection<{ _id: string }>('employers');
const versions = db.collection<{ _id: string }>('vacancies_versions');
const pending = db.collection<FloorEntry>('vacancies_versions_pending');
const heads = db.collection<Record<string, unknown>>('vacancies');

const say = (text: string) => process.stderr.write(`[${options.name}] ${text}\n`);

const idempotency = new GroupCommit<Record<string, unknown>, undefined>(
  async (docs) => {
    await keys.insertMany([...docs], { ordered: false });
    return docs.map(() => undefined);
  },
  { maxItems: 256, gatherTurn: true },
);

let employerRead: Promise<unknown> | null = null;
/** Reads in flight shared (vacancy-intake's singleFlight); the next after an answer reads again. */
const readEmployer = () => (employerRead ??= employers.findOne({ _id: options.employerId }).finally(() => (employerRead = null)));

const relay = new FloorRelay(
  {
    read: (limit) => pending.find({}).limit(limit).toArray(),
    send: async (entries) => {
      await producer.send({
        topic: options.topic,
        acks: -1,
        compression: CompressionTypes.None,
        messages: entries.map((e) => ({ key: e._id.slice(0, -2), value: outboxValue(e.events), headers: { 'content-type': 'application/cloudevents+json', ce_type: 'vacancy.opened' } })),
      });
    },
    remove: async (ids) => {
      await pending.deleteMany({ _id: { $in: [...ids] } });
    },
    mark: async (ids) => {
      await versions.bulkWrite(
        ids.map((_id) => ({ updateOne: { filter: { _id }, update: { $set: { outboxPending: false, outbox: [] } } } })),
        { ordered: false },
      );
    },
    sleep: (ms, wake) =>
      new Promise<void>((done) => {
        const timer = setTimeout(done, ms);
        wake(() => {
          clearTimeout(timer);
          done();
        });
      }),
    now: () => Date.now(),
  },
  undefined,
  (error) => say(`relay: ${String(error)}`),
);

let answered = 0;
let failed = 0;

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function postVacancy(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const body = await readBody(request);
  const now = Date.now();
  const ids = { vacancyId: vacancyIdOf(now), employerId: options.employerId, eventId: randomUUID(), at: new Date(now) };
  const key = request.headers['idempotency-key'];
  const docs = requestDocuments(ids, texts, typeof key === 'string' ? key : randomUUID(), body);
  await Promise.all([idempotency.submit(docs.claim.docs[0]), idempotency.submit(docs.claim.docs[1]), readEmployer()]);
  await versions.insertOne(docs.version as { _id: string });
  await Promise.all([pending.insertOne(docs.pending as unknown as FloorEntry), heads.insertMany([docs.head])]);
  relay.offer(docs.pending as unknown as FloorEntry);
  relay.kick();
  await idempotency.submit(docs.answer);
  response.writeHead(201, { 'content-type': 'application/json; charset=utf-8', location: `/v1/vacancies/${ids.vacancyId}`, etag: '"1"' }).end(docs.reply);
  answered += 1;
}

const server = createServer((request, response) => {
  if (request.method !== 'POST' || request.url !== '/v1/vacancies') {
    response.writeHead(404).end();
    return;
  }
  postVacancy(request, response).catch((error: unknown) => {
    failed += 1;
    if (failed <= 3) say(`POST failed: ${String(error)}`);
    if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' }).end('{"status":500}');
  });
});

let stopping: Promise<void> | null = null;
const stop = () =>
  (stopping ??= (async () => {
    server.close();
    server.closeAllConnections();
    await relay.stop().catch((error: unknown) => say(`relay at stop: ${String(error)}`));
    await producer.disconnect().catch(() => {});
    await connection.close().catch(() => {});
    process.exit(0);
  })());

process.on('message', (message) => {
  if (message === 'stop') void stop();
  if (message === 'counts') process.send?.({ counts: { ...relay.counts, answered, failed, unmarked: relay.unmarkedCount } });
});
// The bench gone (its IPC channel closed): nothing left to serve.
process.on('disconnect', () => void stop());

await producer.connect();
relay.start();
server.keepAliveTimeout = 65_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
});
