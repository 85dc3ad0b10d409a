// The request floor's server (request-floor.ts), a process of its own like a
// service: POST /v1/vacancies with no business logic, validation or auth,
// only the durable round trips a real POST makes, in its order and overlap,
// through the driver:
//   1. the idempotency claim and effect in one unordered insertMany, while
//   2. the employer's head is read by _id (concurrent reads of it shared, as
//      vacancy-intake's employer prefetch does);
//   3. version 1 with its event, then its pending-index entry and the head
//      side by side: service-kit's `insertVersion`, which hands the entry to
//   4. service-kit's `OutboxRelay` (kicked), which produces the event;
//   5. the answer inserted, then 201 with it.
// The idempotency inserts of concurrent requests share one insertMany as the
// real plugin's do (service-kit's GroupCommit, gathering one turn).
// node:http, not fastify: fastify is no dependency of system-bench (adding it
// changes the workspace's lockfile), and its routing and body reading are a
// small part of a request next to six round trips.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { vacanciesTopic } from '@ketnoi/contracts';
import { EventPublisher } from '@ketnoi/messaging';
import { addOutbox, GroupCommit, insertVersion, OutboxRelay, pendingModelFor } from '@ketnoi/service-kit';
import { Kafka, logLevel } from 'kafkajs';
import mongoose, { Schema } from 'mongoose';
import { pino } from 'pino';
import { requestDocuments, requestFloorTexts, vacancyIdOf } from './request-floor-documents.js';
import { requestFloorOptions } from './request-floor-options.js';

const options = requestFloorOptions.parse(JSON.parse(process.argv[2] ?? '{}'));
const texts = requestFloorTexts();
const logger = pino({ level: 'warn' });
const kafka = new Kafka({ clientId: options.name, brokers: options.brokers, logLevel: logLevel.NOTHING });
const publisher = new EventPublisher({ kafka, source: '/ketnoi/vacancy-intake', logger, topicName: () => options.topic });
const connection = await mongoose.createConnection(options.mongoUrl, { dbName: options.dbName, serverSelectionTimeoutMS: 10_000, bufferCommands: false }).asPromise();
const db = connection.db!;
const keys = db.collection<Record<string, unknown>>('idempotency_keys');
const employers = db.collection<{ _id: string }>('employers');
const heads = db.collection<Record<string, unknown>>('vacancies');
// The versions as the relay and `insertVersion` need them: a model (inserts go through its driver collection).
const versionSchema = new Schema({ _id: String }, { strict: false, versionKey: false });
addOutbox(versionSchema);
const versions = connection.model('RequestFloorVersion', versionSchema, 'vacancies_versions');

const say = (text: string) => process.stderr.write(`[${options.name}] ${text}\n`);

/** What the relay did (its reads of the index, sends, events, marks and versions marked), counted around its round trips. */
const counts = { reads: 0, sends: 0, events: 0, marks: 0, marked: 0 };
const pending = pendingModelFor(versions);
const find = pending.find.bind(pending);
pending.find = ((...args: Parameters<typeof find>) => {
  counts.reads += 1;
  return find(...args);
}) as typeof find;
const send = publisher.send.bind(publisher);
publisher.send = (async (...args: Parameters<typeof send>) => {
  await send(...args);
  counts.sends += 1;
  counts.events += args[1].length;
}) as typeof send;
const bulkWrite = versions.bulkWrite.bind(versions);
versions.bulkWrite = (async (...args: Parameters<typeof bulkWrite>) => {
  const result = await bulkWrite(...args);
  counts.marks += 1;
  counts.marked += args[0].length;
  return result;
}) as typeof bulkWrite;
const relay = new OutboxRelay({ model: versions, publisher, topics: [vacanciesTopic], logger });

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
  await insertVersion(versions, docs.version, async () => void (await heads.insertMany([docs.head])));
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
    await publisher.disconnect().catch(() => {});
    await connection.close().catch(() => {});
    process.exit(0);
  })());

process.on('message', (message) => {
  if (message === 'stop') void stop();
  if (message === 'counts') process.send?.({ counts: { reads: counts.reads, sends: counts.sends, events: counts.events, marks: counts.marks, answered, failed, unmarked: counts.events - counts.marked } });
});
// The bench gone (its IPC channel closed): nothing left to serve.
process.on('disconnect', () => void stop());

await publisher.connect();
relay.start();
server.keepAliveTimeout = 65_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
});
