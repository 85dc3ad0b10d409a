// pnpm bench (in services/notification): match.proposed → SMS + email + inbox
// for N workers, against the real Kafka and FerretDB, a local HTTP SMS sink and
// a local SMTP server; prints the sustained rate.
import { cpus } from 'node:os';
import { employersTopic, matchesTopic, vacanciesTopic, workerContactsTopic } from '@ketnoi/contracts';
import { buildEvent, createKafka, withSuffix } from '@ketnoi/messaging';
import { createDevIssuer, createLogger, loadConfig } from '@ketnoi/service-kit';
import { buildApp } from '../src/app.js';
import { notificationConfigSchema } from '../src/config.js';
import { aVacancy, aWorkerContact, anEmployer } from '../test/mothers.js';
import { startSmsGateway, startSmtpServer } from '../test/sinks.js';

const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const WORKERS = arg('workers', 2000);
const VACANCIES = 6;

const env = process.env;
const [issuer, sms, smtp] = await Promise.all([createDevIssuer(), startSmsGateway(), startSmtpServer({ parse: false })]);
const suffix = `bench-${Date.now().toString(36)}`;
const topic = withSuffix(suffix);
const config = loadConfig(notificationConfigSchema, {
  SERVICE_NAME: 'notification',
  MONGO_URL: env.MONGO_URL ?? 'mongodb://127.0.0.1:27017',
  MONGO_DB_NAME: suffix.replace(/-/g, '_'),
  KAFKA_BROKERS: env.KAFKA_BROKERS ?? '127.0.0.1:9092',
  AUTH_ISSUER: issuer.issuer,
  AUTH_AUDIENCE: issuer.audience,
  AUTH_JWT_PUBLIC_KEY: issuer.publicKeyPem,
  SMS_GATEWAY_URL: sms.url,
  SMTP_URL: smtp.url,
  // Quiet hours off, so every SMS goes at once whatever the hour of the run.
  QUIET_HOURS_START: '00:00',
  QUIET_HOURS_END: '00:00',
});
const app = await buildApp(config, { logger: createLogger({ serviceName: 'notification', level: 'warn' }), topicName: topic, groupId: suffix, relayIdleMs: 100 });
await app.ready();
const producer = createKafka({ brokers: config.KAFKA_BROKERS, clientId: suffix, logger: app.log as never }).producer();
await producer.connect();
const send = async (name: string, messages: { key: string; value: unknown }[]) => {
  for (let i = 0; i < messages.length; i += 500) {
    await producer.send({ topic: topic(name), messages: messages.slice(i, i + 500).map((m) => ({ key: m.key, value: JSON.stringify(m.value) })) });
  }
};
const until = async (what: string, done: () => Promise<boolean> | boolean) => {
  const deadline = Date.now() + 30 * 60_000;
  let report = Date.now() + 10_000;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    if (Date.now() > report) {
      report = Date.now() + 10_000;
      console.log(`waiting for ${what}: sms ${sms.received.length}, email ${smtp.counter.count}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

const workerId = (i: number) => `wrk_bench${String(i).padStart(6, '0')}`;
const vacancyId = (v: number) => `vac_bench${v}`;
await send(employersTopic.name, [{ key: 'emp_test01', value: buildEvent(employersTopic, { type: 'employer.registered', subject: 'emp_test01', data: anEmployer() }, '/bench') }]);
await send(
  vacanciesTopic.name,
  Array.from({ length: VACANCIES }, (_, v) => ({ key: vacancyId(v), value: buildEvent(vacanciesTopic, { type: 'vacancy.opened', subject: vacancyId(v), data: aVacancy({ vacancyId: vacancyId(v) }) }, '/bench') })),
);
await send(
  workerContactsTopic.name,
  Array.from({ length: WORKERS }, (_, i) => ({
    key: workerId(i),
    value: buildEvent(
      workerContactsTopic,
      { type: 'worker-contact.updated', subject: workerId(i), data: aWorkerContact({ workerId: workerId(i), phone: `+849${String(i).padStart(8, '0')}`, email: `w${i}@bench.local` }) },
      '/bench',
    ),
  })),
);
const db = app.mongo.db!;
await until('contacts projected', async () => (await db.collection('contacts').countDocuments()) === WORKERS && (await db.collection('vacancies').countDocuments()) === VACANCIES);

const started = Date.now();
await send(
  matchesTopic.name,
  Array.from({ length: WORKERS }, (_, i) => {
    const matchId = `mt_bench${i}`;
    const data = { matchId, vacancyId: vacancyId(i % VACANCIES), workerId: workerId(i), score: 0.8, rank: 1, scoringVersion: 'v1', factors: [], boost: { groups: [], amount: 0 }, at: new Date().toISOString() };
    return { key: data.vacancyId, value: buildEvent(matchesTopic, { type: 'match.proposed', subject: matchId, data }, '/bench') };
  }),
);
await until('every SMS and email', () => sms.received.length >= WORKERS && smtp.counter.count >= WORKERS);
const seconds = (Date.now() - started) / 1000;
await until('every event relayed', async () => (await db.collection('deliveries_pending').countDocuments()) === 0);
const relayed = (Date.now() - started) / 1000;

console.log(
  JSON.stringify(
    {
      cpus: cpus().length,
      matches: WORKERS,
      messages: WORKERS * 3,
      seconds,
      matchesPerSecond: Math.round(WORKERS / seconds),
      messagesPerSecond: Math.round((WORKERS * 3) / seconds),
      secondsUntilEventsPublished: relayed,
    },
    null,
    2,
  ),
);
await producer.disconnect();
await db.dropDatabase();
await app.close();
await Promise.all([sms.close(), smtp.close()]);
