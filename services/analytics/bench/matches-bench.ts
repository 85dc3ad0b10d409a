// pnpm bench:matches (in services/analytics): the cost of consuming matches.v1
// against the real Kafka and FerretDB. Workers and vacancies are projected
// first (not measured), then every vacancy proposes its top PER_VACANCY
// workers as matching does (a vacancy's proposals together, keyed by the
// vacancy, with score breakdown), some proposals withdrawn and some proposed
// again later (duplicates: counted once by matchId), and some match.updated;
// `--preload=N` matches (default 200,000) are there from before, as in a
// service that has run a while (the reports walk what is there).
// Each mode (`--modes=old,new,old,new`) runs the same events on its own
// topics, group and database, one after another in this process, and prints
// events/s, CPU ms per proposal of the service (this process, from its start
// on a backlog of the match events: set-up and sending are not counted),
// FerretDB's CPU ms per proposal and database operations per proposal. Mode
// `old` runs the service from the sources in BENCH_OLD_SRC (e.g. `git archive`
// of an earlier commit's services/analytics/src, with a node_modules link
// beside it), for a before/after in one run. `--ops` prints the operations per
// proposal by collection. Figures only: nothing here asserts a timing.
import { cpus, loadavg } from 'node:os';
import { matchesTopic, vacanciesTopic, workersTopic } from '@ketnoi/contracts';
import { buildEvent, createKafka, ensureTopics, eventMessage, withSuffix } from '@ketnoi/messaging';
import { createDevIssuer, createLogger, loadConfig } from '@ketnoi/service-kit';
import { benchArg, benchServiceEnv, benchUntil as until, countDatabaseOps, matchingFanOut, measureBacklog, processTicks } from '@ketnoi/testing';
import type { buildApp as BuildApp } from '../src/app.js';
import type { analyticsConfigSchema as ConfigSchema } from '../src/config.js';
import type { Analytics } from '../src/plugins/analytics.js';
import { aMatch, aVacancy, aWorker } from '../test/mothers.js';

const arg = benchArg;
const WORKERS = Number(arg('workers', '20000'));
const VACANCIES = Number(arg('vacancies', '400'));
const PER_VACANCY = Math.min(Number(arg('per-vacancy', '50')), WORKERS);
const BATCH_SIZE = arg('batch', '500');
// Matches a service that ran for a while holds already (stored before the measured phase, loaded at start).
const PRELOAD = Number(arg('preload', '200000'));
const MODES = arg('modes', 'old,new,old,new').split(',');
const env = process.env;

const databaseOps = countDatabaseOps();

const workerId = (i: number) => `wrk_bench${String(i).padStart(6, '0')}`;
const vacancyId = (v: number) => `vac_bench${String(v).padStart(5, '0')}`;
const OCCUPATIONS = ['7212', '8160', '2211', '7233', '9329', '5223'];
const COMMUNES = ['05443', '05446', '05449', '05452', '05455'];
type Message = ReturnType<typeof eventMessage>;
// As EventPublisher sends them (keyed by the subject, the type in a header).
const message = (topic: Parameters<typeof buildEvent>[0], input: Parameters<typeof buildEvent>[1]): Message => eventMessage(buildEvent(topic, input, '/bench'));

const workerEvents = Array.from({ length: WORKERS }, (_, i) => {
  const data = aWorker({ workerId: workerId(i), communeCode: COMMUNES[i % COMMUNES.length]!, desiredOccupations: [OCCUPATIONS[i % OCCUPATIONS.length]!] });
  return message(workersTopic, { type: 'worker.registered', subject: data.workerId, data });
});
const vacancyEvents = Array.from({ length: VACANCIES }, (_, v) => {
  const data = aVacancy({ vacancyId: vacancyId(v) }, { occupationCode: OCCUPATIONS[v % OCCUPATIONS.length]!, communeCode: COMMUNES[v % COMMUNES.length]! });
  return message(vacanciesTopic, { type: 'vacancy.opened', subject: data.vacancyId, data });
});

// The same match events for every mode, in matching's order.
const fanOut = matchingFanOut({
  vacancies: VACANCIES,
  perVacancy: PER_VACANCY,
  workers: WORKERS,
  vacancyId,
  workerId,
  propose: ({ vacancyId: vacancy, workerId: worker, score, rank, at, factors }) => aMatch({ matchId: `${vacancy}:${worker}`, vacancyId: vacancy, workerId: worker, rank, score, factors, at }),
});
const matchEvents: Message[] = fanOut.events.map(({ type, key, data }) => message(matchesTopic, { type, subject: key, data } as Parameters<typeof buildEvent>[1]));
const { proposed, distinct } = fanOut;

// FerretDB's CPU when it runs on this machine; shared: other work counts too.
const ferretdb = processTicks('ferretdb');
const issuer = await createDevIssuer();

async function run(mode: string) {
  const src = mode === 'old' ? (env.BENCH_OLD_SRC ?? '../.bench-old/src') : '../src';
  const { buildApp } = (await import(`${src}/app.js`)) as { buildApp: typeof BuildApp };
  const { analyticsConfigSchema } = (await import(`${src}/config.js`)) as { analyticsConfigSchema: typeof ConfigSchema };
  const { suffix, env: serviceEnv } = benchServiceEnv('analytics', issuer);
  const topic = withSuffix(suffix);
  const config = loadConfig(analyticsConfigSchema, {
    ...serviceEnv,
    ANALYTICS_BATCH_SIZE: BATCH_SIZE,
  });
  const logger = createLogger({ serviceName: 'analytics', level: 'warn' });
  const start = async () => {
    const app = await buildApp(config, { logger, topicName: topic, groupId: suffix });
    return { app, analytics: (app as unknown as { analytics: Analytics }).analytics };
  };
  const kafka = createKafka({ brokers: config.KAFKA_BROKERS, clientId: suffix, logger: logger as never });
  await ensureTopics(kafka, [workersTopic, vacanciesTopic, matchesTopic], { topicName: topic, logger: logger as never });
  const producer = kafka.producer();
  const admin = kafka.admin();
  await Promise.all([producer.connect(), admin.connect()]);
  const send = async (name: string, messages: Message[]) => {
    for (let i = 0; i < messages.length; i += 1000) await producer.send({ topic: topic(name), messages: messages.slice(i, i + 1000) });
  };
  // Set-up (not measured): the workers and vacancies projected, then the service stopped.
  const setup = await start();
  await setup.app.ready();
  await send(workersTopic.name, workerEvents);
  await send(vacanciesTopic.name, vacancyEvents);
  await until('workers and vacancies projected', () => setup.analytics.projections.workers.size === WORKERS && setup.analytics.projections.vacancies.size === VACANCIES);
  for (let i = 0; i < PRELOAD; i += 1000) {
    const docs = Array.from({ length: Math.min(1000, PRELOAD - i) }, (_, j) => ({
      _id: `preload${String(i + j).padStart(25, '0')}`,
      vacancyId: vacancyId((i + j) % VACANCIES),
      // Up to 90 days before the fan-out's first proposal.
      proposedAt: new Date(Date.UTC(2026, 3, 1) - (1 + ((i + j) % 90) * 86_400) * 1000).toISOString(),
      workerId: workerId((i + j) % WORKERS),
    }));
    await setup.app.mongo.db!.collection<{ _id: string }>('matches').insertMany(docs);
  }
  await setup.app.close();

  // The match events wait on the topic, as a backlog does; the service starts again (its projections loaded) and works through them.
  await send(matchesTopic.name, matchEvents);
  const { app, analytics } = await start();
  const measured = await measureBacklog({
    mode,
    admin,
    topic: topic(matchesTopic.name),
    groupId: suffix,
    events: matchEvents.length,
    proposals: proposed,
    databaseOps,
    ferretdb,
    ready: () => app.ready(),
    firstApplied: () => analytics.projections.matches.size > 0,
    opsByKind: process.argv.includes('--ops'),
  });
  const counted = analytics.projections.matches.size;
  const stored = await app.mongo.db!.collection('matches').countDocuments();
  await Promise.all([producer.disconnect(), admin.disconnect()]);
  await app.mongo.dropDatabase();
  await app.close();
  return {
    ...measured,
    // Each matchId counted once, in memory and stored.
    countedOk: counted === distinct.size + PRELOAD && stored === distinct.size + PRELOAD,
  };
}

const results = [];
for (const mode of MODES) {
  const result = await run(mode);
  console.log(JSON.stringify(result));
  results.push(result);
}
console.log(JSON.stringify({ cpus: cpus().length, workers: WORKERS, vacancies: VACANCIES, perVacancy: PER_VACANCY, preloadedMatches: PRELOAD, batch: BATCH_SIZE, loadAtEnd: loadavg().map((l) => l.toFixed(2)).join(' ') }));
console.table(results);
