/**
 * How fast matching consumes workers.v1, alone: opens `vacancies` vacancies,
 * publishes `workers` worker events up front, starts the service (its own
 * topics, group and database on the running broker and FerretDB) and samples
 * its committed offsets every 0.5 s until all are through. Prints the steady
 * rate (10% to 90% of the total) and the matches.v1 events published.
 *
 *   tsx --conditions=@ketnoi/source scripts/ingest-rate.ts [workers] [vacancies]
 */
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { matchesTopic, vacanciesTopic, workersTopic } from '@ketnoi/contracts';
import { createKafka, ensureTopics, EventPublisher, withSuffix } from '@ketnoi/messaging';
import { referenceData } from '@ketnoi/reference-data';
import { createLogger, loadConfig } from '@ketnoi/service-kit';
import { pino } from 'pino';
import { z } from 'zod';
import { province } from '../bench/province.js';
import { buildApp } from '../src/app.js';
import { matchingConfigSchema } from '../src/config.js';

const [workers = 2000, vacancies = 30] = process.argv.slice(2).map(Number);
const env = z
  .object({ KAFKA_BROKERS: z.string().default('127.0.0.1:9092'), MONGO_URL: z.string().default('mongodb://127.0.0.1:27017') })
  .parse(process.env);
const brokers = env.KAFKA_BROKERS.split(',');
const mongoUrl = env.MONGO_URL;
const suffix = `rate-${randomBytes(4).toString('hex')}`;
const log = pino({ level: 'warn' });
const topicName = withSuffix(suffix);
const kafka = createKafka({ brokers, clientId: suffix, logger: log });

const generate = province(referenceData);
const publisher = new EventPublisher({ kafka, source: '/bench', logger: log, topicName });
await ensureTopics(kafka, [workersTopic, vacanciesTopic, matchesTopic], { topicName, logger: log });
await publisher.connect();
const opened = Array.from({ length: vacancies }, (_, i) => generate.vacancy(i));
await publisher.publish(vacanciesTopic, opened.map((data) => ({ type: 'vacancy.opened' as const, subject: data.vacancyId, data })));
for (let i = 0; i < workers; i += 500) {
  const batch = Array.from({ length: Math.min(500, workers - i) }, (_, j) => generate.worker(i + j));
  await publisher.publish(workersTopic, batch.map((data) => ({ type: 'worker.registered' as const, subject: data.workerId, data })));
}
await publisher.disconnect();

const config = loadConfig(matchingConfigSchema, {
  MONGO_URL: mongoUrl,
  MONGO_DB_NAME: suffix.replace(/-/g, '_'),
  KAFKA_BROKERS: brokers.join(','),
  AUTH_ISSUER: 'bench',
  AUTH_AUDIENCE: 'bench',
  LOG_LEVEL: 'warn',
});
const loadAtStart = loadavg().map((l) => l.toFixed(1)).join(' ');
const started = performance.now();
const app = await buildApp(config, { logger: createLogger({ serviceName: 'matching', level: 'warn' }), topicName, groupId: `matching-${suffix}` });
await app.ready();

const admin = kafka.admin();
await admin.connect();
const committed = async (): Promise<number> => {
  const [offsets] = await admin.fetchOffsets({ groupId: `matching-${suffix}`, topics: [topicName(workersTopic.name)] });
  return (offsets?.partitions ?? []).reduce((sum, p) => sum + Math.max(0, Number(p.offset)), 0);
};
const samples: [number, number][] = [];
for (let done = 0; done < workers; ) {
  await new Promise((resolve) => setTimeout(resolve, 500));
  done = await committed();
  samples.push([(performance.now() - started) / 1000, done]);
}
const at = (share: number) => samples.find(([, n]) => n >= share * workers)!;
const [t10, n10] = at(0.1);
const [t90, n90] = at(0.9);
const ends = await admin.fetchTopicOffsets(topicName(matchesTopic.name));
const published = ends.reduce((sum, p) => sum + Number(p.high), 0);
const total = samples[samples.length - 1]![0];
console.log(
  JSON.stringify({
    workers,
    vacancies,
    seconds: Number(total.toFixed(1)),
    steadyPerSecond: t90 > t10 ? Number(((n90 - n10) / (t90 - t10)).toFixed(1)) : null,
    matchEvents: published,
    loadAtStart,
    loadAtEnd: loadavg().map((l) => l.toFixed(1)).join(' '),
  }),
);
await app.mongo.dropDatabase();
await app.close();
const made = new Set(await admin.listTopics());
await admin.deleteTopics({ topics: [workersTopic, vacanciesTopic, matchesTopic].flatMap((t) => [topicName(t.name), `${topicName(t.name)}.dlq`]).filter((t) => made.has(t)) });
await admin.disconnect();
