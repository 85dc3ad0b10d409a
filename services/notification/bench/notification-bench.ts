// pnpm bench (in services/notification): vacancies proposing matches to a pool
// of workers (several matches per worker, so the daily cap bites; a tenth of
// the workers on the digest, every 20th match withdrawn afterwards), against
// the real Kafka and FerretDB, a local HTTP SMS sink and a local SMTP server.
// Each mode (`--modes=0,500`: NOTIFICATION_BATCH_SIZE) runs the same events on
// its own topics and database, one after another in the same process, and
// prints matches/s, CPU ms per match (this process: service, sinks and
// producer) and database operations per match. Mode `old` runs the service
// from the sources in BENCH_OLD_SRC (e.g. `git archive` of an earlier commit's
// src/ copied into this folder), for a before/after in one run, one by one
// (`old:500`: in batches of 500). `--ops` prints the operations per proposal
// by collection; `--batches` counts the batches (from the service's log).
// `--timing` prints the database's time per proposal (ms, summed over commands,
// which may overlap) by collection and command, from the driver's command monitoring.
// `--capped=0.9`: the system's steady state, where most proposals reach a
// worker already at the daily cap (matching proposes ≈5,000/s to 20,000
// workers, the cap is 5 a day): that share of the workers starts the run with
// every cap slot of the day taken by earlier matches, and the proposals go
// round the workers (each worker about vacancies × per-vacancy / workers).
import { cpus, loadavg } from 'node:os';
import { Writable } from 'node:stream';
import { employersTopic, matchesTopic, vacanciesTopic, workerContactsTopic } from '@ketnoi/contracts';
import { buildEvent, createKafka, withSuffix } from '@ketnoi/messaging';
import { createDevIssuer, createLogger, loadConfig } from '@ketnoi/service-kit';
import { benchArg, benchServiceEnv, countDatabaseOps, processTicks, waitFor } from '@ketnoi/testing';
import type { buildApp as BuildApp } from '../src/app.js';
import type { notificationConfigSchema as ConfigSchema } from '../src/config.js';
import type { loadMatchBatch as LoadMatchBatch } from '../src/use-cases/load-match-batch.js';
import { localDay } from '../src/domain/local-day.js';
import { aVacancy, aWorkerContact, anEmployer } from '../test/mothers.js';
import { startSmsGateway, startSmtpServer } from '../test/sinks.js';

const arg = benchArg;
const WORKERS = Number(arg('workers', '150'));
const VACANCIES = Number(arg('vacancies', '20'));
const PER_VACANCY = Math.min(Number(arg('per-vacancy', '50')), WORKERS);
const MODES = arg('modes', '0,500').split(',');
const CAPPED = Number(arg('capped', '0'));
// With --capped, proposals go round the workers (a realistic spread); without, matching's earlier bench pattern.
const workerOf = (v: number, r: number) => (CAPPED > 0 ? v * PER_VACANCY + r : v * 7 + r) % WORKERS;
/** Workers at the cap when the run starts: the first CAPPED share, skipping digest workers (they take no slots). */
const cappedWorkers = Array.from({ length: WORKERS }, (_, i) => i).filter((i) => i % 10 !== 3 && i < Math.round(WORKERS * CAPPED));

// Every collection operation of every mongoose connection in this process (the service's, the bench's reads), also per
// `<collection>.<operation>`, to see where the round trips go (`--ops` prints them per proposal).
const databaseOps = countDatabaseOps();
const opsByKind = databaseOps.byKind;

const workerId = (i: number) => `wrk_bench${String(i).padStart(6, '0')}`;
const vacancyId = (v: number) => `vac_bench${v}`;
const at = new Date();
type Message = { key: string; value: string };
const event = (topic: Parameters<typeof buildEvent>[0], input: Parameters<typeof buildEvent>[1], key: string): Message => ({
  key,
  value: JSON.stringify(buildEvent(topic, input, '/bench')),
});
// The same events for every mode: matching's order (a vacancy's proposals together, keyed by the vacancy).
const matchEvents: Message[] = [];
for (let v = 0; v < VACANCIES; v += 1) {
  for (let r = 0; r < PER_VACANCY; r += 1) {
    const w = workerOf(v, r);
    const matchId = `${vacancyId(v)}:${workerId(w)}`;
    const data = { matchId, vacancyId: vacancyId(v), workerId: workerId(w), score: 0.8, rank: r + 1, scoringVersion: 'v1', factors: [], boost: { groups: [], amount: 0 }, at: at.toISOString() };
    matchEvents.push(event(matchesTopic, { type: 'match.proposed', subject: matchId, data }, vacancyId(v)));
    if ((v * PER_VACANCY + r) % 20 === 19) {
      const withdrawn = { matchId, vacancyId: vacancyId(v), workerId: workerId(w), reason: 'outranked' as const, at: new Date(at.getTime() + 1).toISOString() };
      matchEvents.push(event(matchesTopic, { type: 'match.withdrawn', subject: matchId, data: withdrawn }, vacancyId(v)));
    }
  }
}
const proposals = VACANCIES * PER_VACANCY;
const READ_ROUNDS = Number(arg('read-rounds', '0'));
// Each vacancy's proposals as the batch reads them (for --read-rounds).
const proposalsByVacancy = Array.from({ length: VACANCIES }, (_, v) =>
  Array.from({ length: PER_VACANCY }, (_, r) => {
    const w = workerOf(v, r);
    return { matchId: `${vacancyId(v)}:${workerId(w)}`, workerId: workerId(w), vacancyId: vacancyId(v), causeEventId: 'bench', proposedAt: at };
  }),
);

const env = process.env;

// FerretDB's CPU when it runs on this machine; shared infrastructure: other work counts too.
const ferretdb = processTicks('ferretdb');
// The service's log at info: each `matches notified` line is one batch; warnings and errors go on to stderr.
let batches = 0;
const batchCounter = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of chunk.toString().split('\n').filter(Boolean)) {
      if (line.includes('"msg":"matches notified"')) batches += 1;
      else if (/"level":"(warn|error|fatal)"/.test(line)) process.stderr.write(`${line}\n`);
    }
    done();
  },
});
const [issuer, sms, smtp] = await Promise.all([createDevIssuer(), startSmsGateway(), startSmtpServer({ parse: false })]);

async function run(mode: string) {
  // `old:<size>`: the earlier sources in batches of <size>.
  const [name, size] = mode.split(':') as [string, string | undefined];
  const src = name === 'old' ? (env.BENCH_OLD_SRC ?? '../.bench-old/src') : '../src';
  const batchSize = size ?? (name === 'old' ? '1' : name);
  const { buildApp } = (await import(`${src}/app.js`)) as { buildApp: typeof BuildApp };
  const { notificationConfigSchema } = (await import(`${src}/config.js`)) as { notificationConfigSchema: typeof ConfigSchema };
  const { suffix, env: serviceEnv } = benchServiceEnv('notification', issuer);
  const topic = withSuffix(suffix);
  const timing = process.argv.includes('--timing');
  const config = loadConfig(notificationConfigSchema, {
    ...serviceEnv,
    ...(timing ? { MONGO_URL: `${serviceEnv.MONGO_URL}/?monitorCommands=true` } : {}),
    SMS_GATEWAY_URL: sms.url,
    SMTP_URL: smtp.url,
    NOTIFICATION_BATCH_SIZE: batchSize,
    // Quiet hours off, so every SMS goes at once whatever the hour of the run.
    QUIET_HOURS_START: '00:00',
    QUIET_HOURS_END: '00:00',
  });
  const app = await buildApp(config, { logger: createLogger({ serviceName: 'notification', level: 'info' }, batchCounter), topicName: topic, groupId: suffix, relayIdleMs: 100 });
  await app.ready();
  const kafka = createKafka({ brokers: config.KAFKA_BROKERS, clientId: suffix, logger: app.log as never });
  const producer = kafka.producer();
  const admin = kafka.admin();
  await Promise.all([producer.connect(), admin.connect()]);
  const send = async (name: string, messages: Message[]) => {
    for (let i = 0; i < messages.length; i += 500) await producer.send({ topic: topic(name), messages: messages.slice(i, i + 500) });
  };
  const until = (what: string, done: () => Promise<boolean> | boolean) => waitFor(done, { what, timeoutMs: 30 * 60_000 });
  const setupKinds = new Map(opsByKind);
  await send(employersTopic.name, [event(employersTopic, { type: 'employer.registered', subject: 'emp_test01', data: anEmployer() }, 'emp_test01')]);
  await send(
    vacanciesTopic.name,
    Array.from({ length: VACANCIES }, (_, v) => event(vacanciesTopic, { type: 'vacancy.opened', subject: vacancyId(v), data: aVacancy({ vacancyId: vacancyId(v) }) }, vacancyId(v))),
  );
  await send(
    workerContactsTopic.name,
    Array.from({ length: WORKERS }, (_, i) =>
      event(
        workerContactsTopic,
        { type: 'worker-contact.updated', subject: workerId(i), data: aWorkerContact({ workerId: workerId(i), phone: `+849${String(i).padStart(8, '0')}`, email: `w${i}@bench.local` }) },
        workerId(i),
      ),
    ),
  );
  const db = app.mongo.db!;
  const commandMs = new Map<string, number>();
  if (timing) {
    const started = new Map<number, string>();
    const client = app.mongo.getClient();
    client.on('commandStarted', (e) => started.set(e.requestId, `${String(e.commandName === 'getMore' ? e.command.collection : e.command[e.commandName])}.${e.commandName}`));
    client.on('commandSucceeded', (e) => {
      const kind = started.get(e.requestId) ?? e.commandName;
      started.delete(e.requestId);
      commandMs.set(kind, (commandMs.get(kind) ?? 0) + e.duration);
    });
  }
  const digestWorkers = Array.from({ length: WORKERS }, (_, i) => i).filter((i) => i % 10 === 3);
  if (digestWorkers.length > 0) await db.collection<{ _id: string }>('preferences').insertMany(digestWorkers.map((i) => ({ _id: workerId(i), delivery: 'digest', updatedAt: new Date() })));
  if (cappedWorkers.length > 0) {
    const day = localDay(new Date(), config.QUIET_HOURS_TIME_ZONE);
    const slots = cappedWorkers.flatMap((i) => Array.from({ length: config.DAILY_CAP }, (_, n) => ({ _id: `${workerId(i)}:${day}:${n + 1}`, matchId: `earlier${n}:${workerId(i)}` })));
    for (let i = 0; i < slots.length; i += 5000) await db.collection<{ _id: string }>('cap_slots').insertMany(slots.slice(i, i + 5000));
  }
  await until('contacts projected', async () => (await db.collection('contacts').countDocuments()) === WORKERS && (await db.collection('vacancies').countDocuments()) === VACANCIES);

  // The vacancy projection's operations per vacancy (opened once each), before the matches.
  const vacancyOps = [...opsByKind].filter(([kind]) => kind.startsWith('vacancies.')).reduce((sum, [kind, n]) => sum + n - (setupKinds.get(kind) ?? 0), 0);
  const matchesName = topic(matchesTopic.name);
  const consumed = async () => {
    const [ends, [committed]] = await Promise.all([admin.fetchTopicOffsets(matchesName), admin.fetchOffsets({ groupId: `${suffix}-matches`, topics: [matchesName] })]);
    // An empty partition has no committed offset.
    return ends.every((end) => end.high === end.low || Number(committed?.partitions.find((p) => p.partition === end.partition)?.offset ?? -1) >= Number(end.high));
  };
  const [smsBefore, emailBefore] = [sms.received.length, smtp.counter.count];
  const load = loadavg().map((l) => l.toFixed(2)).join(' ');
  const opsBefore = databaseOps.total();
  const batchesBefore = batches;
  const kindsBefore = new Map(opsByKind);
  commandMs.clear();
  const cpuBefore = process.cpuUsage();
  const ferretBefore = ferretdb.ticks();
  const started = Date.now();
  await send(matchesTopic.name, matchEvents);
  await until('every match consumed', consumed);
  const seconds = (Date.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const ops = databaseOps.total() - opsBefore;
  const kinds = [...opsByKind].map(([kind, n]) => [kind, n - (kindsBefore.get(kind) ?? 0)] as const).filter(([, n]) => n > 0);
  if (process.argv.includes('--ops')) {
    console.log(JSON.stringify({ mode, opsPerProposal: Object.fromEntries(kinds.sort((a, b) => b[1] - a[1]).map(([kind, n]) => [kind, Number((n / proposals).toFixed(3))])) }));
  }
  if (timing) {
    console.log(JSON.stringify({ mode, databaseMsPerProposal: Object.fromEntries([...commandMs].sort((a, b) => b[1] - a[1]).map(([kind, ms]) => [kind, Number((ms / proposals).toFixed(3))])) }));
  }
  // Clock ticks are 1/100 s on Linux.
  const ferretMs = (ferretdb.ticks() - ferretBefore) * 10;
  await until('every event relayed', async () => (await db.collection('deliveries_pending').countDocuments()) === 0);
  const relayed = (Date.now() - started) / 1000;
  const result = {
    mode,
    loadAverageAtStart: load,
    proposals,
    events: matchEvents.length,
    seconds,
    eventsPerSecond: Math.round(matchEvents.length / seconds),
    cpuMsPerProposal: Number(((cpu.user + cpu.system) / 1000 / proposals).toFixed(2)),
    cpuShareOfACore: Number(((cpu.user + cpu.system) / 1000 / (seconds * 1000)).toFixed(2)),
    ferretdbCpuMsPerProposal: ferretdb.found ? Number((ferretMs / proposals).toFixed(2)) : null,
    databaseOpsPerProposal: Number((ops / proposals).toFixed(2)),
    vacancyProjectionOpsPerVacancy: Number((vacancyOps / VACANCIES).toFixed(2)),
    batches: batches - batchesBefore,
    msPerBatch: Math.round((seconds * 1000) / Math.max(1, batches - batchesBefore)),
    sms: sms.received.length - smsBefore,
    emails: smtp.counter.count - emailBefore,
    deliveries: await db.collection('deliveries').countDocuments(),
    secondsUntilEventsPublished: relayed,
  };
  // The read phase of a batch alone, on the data the run left: each vacancy's proposals read as one batch, READ_ROUNDS times.
  const { loadMatchBatch } = (await import(`${src}/use-cases/load-match-batch.js`)) as { loadMatchBatch: typeof LoadMatchBatch };
  const readMs: number[] = [];
  for (let round = 0; round < READ_ROUNDS; round += 1) {
    for (const notices of proposalsByVacancy) {
      const t0 = performance.now();
      await loadMatchBatch(app.notification, notices, new Date());
      readMs.push(performance.now() - t0);
    }
  }
  readMs.sort((a, b) => a - b);
  Object.assign(result, { batchReadMsMedian: Number((readMs[readMs.length >> 1] ?? 0).toFixed(1)), batchReadMsP90: Number((readMs[Math.floor(readMs.length * 0.9)] ?? 0).toFixed(1)) });
  await Promise.all([producer.disconnect(), admin.disconnect()]);
  await db.dropDatabase();
  await app.close();
  return result;
}

const results = [];
for (const mode of MODES) {
  const result = await run(mode);
  console.log(JSON.stringify(result));
  results.push(result);
}
console.log(JSON.stringify({ cpus: cpus().length, workers: WORKERS, vacancies: VACANCIES, perVacancy: PER_VACANCY, workersAtCap: cappedWorkers.length, uptimeAtEnd: loadavg().map((l) => l.toFixed(2)).join(' ') }));
console.table(results);
await Promise.all([sms.close(), smtp.close()]);
