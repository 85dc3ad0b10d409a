/**
 * How fast analytics catches up on matches.v1 and notifications.v1, in
 * batches of one event (ANALYTICS_BATCH_SIZE=0) and in larger batches, on the real broker and FerretDB: publishes REPLAY_MATCHES proposals
 * (default 2,000) and REPLAY_NOTIFICATIONS notifications (default 1,000, each
 * failed then sent) to fresh topics, then, for each mode in REPLAY_MODES
 * (default `0,500`: batch sizes, 0 = batches of one), starts an analytics with an
 * empty database and a new consumer group and times it from its start to the
 * last projection saved.
 *
 * Run: pnpm --filter @ketnoi/analytics replay-rate
 * (KAFKA_BROKERS and MONGO_URL: default the local infrastructure).
 */
import { performance } from 'node:perf_hooks';
import { matchesTopic, notificationsTopic } from '@ketnoi/contracts';
import { createKafka, ensureTopics, EventPublisher, withSuffix } from '@ketnoi/messaging';
import { createDevIssuer, createLogger, loadConfig } from '@ketnoi/service-kit';
import { replayMode, replayRun } from '@ketnoi/testing';
import { buildApp } from '../src/app.js';
import { analyticsConfigSchema } from '../src/config.js';

const { brokers, modes, run, count, serviceEnv } = replayRun('replay-rate');
const MATCHES = count('REPLAY_MATCHES', 2_000);
const NOTIFICATIONS = count('REPLAY_NOTIFICATIONS', 1_000);
const topicName = withSuffix(run);
const logger = createLogger({ serviceName: 'replay-rate', level: 'warn' });

const day = (i: number) => `2026-04-${String(10 + (i % 15)).padStart(2, '0')}`;

async function publishLoad(): Promise<void> {
  const kafka = createKafka({ brokers, clientId: run, logger });
  await ensureTopics(kafka, [matchesTopic, notificationsTopic], { topicName, logger });
  const publisher = new EventPublisher({ kafka, source: '/replay-rate', logger, topicName });
  await publisher.connect();
  for (let from = 0; from < MATCHES; from += 500) {
    const matches = Array.from({ length: Math.min(500, MATCHES - from) }, (_, j) => {
      const i = from + j;
      const data = {
        matchId: `vacancy-${i % 97}:worker-${i}`,
        vacancyId: `vacancy-${i % 97}`,
        workerId: `worker-${i}`,
        score: 0.7,
        rank: 1,
        scoringVersion: 'v1',
        factors: [],
        boost: { groups: [], amount: 0 },
        at: `${day(i)}T02:00:00.000Z`,
      };
      return { type: 'match.proposed' as const, subject: data.vacancyId, data };
    });
    await publisher.publish(matchesTopic, matches);
  }
  for (let from = 0; from < NOTIFICATIONS; from += 250) {
    const records = Array.from({ length: Math.min(250, NOTIFICATIONS - from) }, (_, j) => {
      const i = from + j;
      return { notificationId: `n-${i}`, recipientKind: 'worker' as const, recipientId: `worker-${i}`, channel: i % 2 ? ('sms' as const) : ('email' as const), template: 'match', at: `${day(i)}T03:00:00.000Z` };
    });
    await publisher.publish(notificationsTopic, [
      ...records.map((data) => ({ type: 'notification.failed' as const, subject: data.recipientId, data: { ...data, reason: 'timeout', final: false } })),
      ...records.map((data) => ({ type: 'notification.sent' as const, subject: data.recipientId, data })),
    ]);
  }
  await publisher.disconnect();
}

async function consume(batchSize: number): Promise<{ seconds: number; events: number }> {
  const issuer = await createDevIssuer();
  const dbName = `${run}_${batchSize}`.replace(/-/g, '_');
  const config = loadConfig(
    analyticsConfigSchema,
    serviceEnv(dbName, issuer, { SERVICE_NAME: 'analytics', ANALYTICS_PUBLISH_DEBOUNCE_MS: '600000', ANALYTICS_BATCH_SIZE: String(batchSize) }),
  );
  const started = performance.now();
  const app = await buildApp(config, { logger, topicName, groupId: `${run}-${batchSize}` });
  await app.ready();
  const { projections } = app.analytics;
  const done = () => projections.matches.size >= MATCHES && [...projections.notifications.values()].filter((n) => n.outcome === 'sent').length >= NOTIFICATIONS;
  let last = -1;
  while (!done()) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const progress = projections.matches.size + projections.notifications.size;
    if (Math.floor(progress / 500) !== Math.floor(last / 500)) console.log(`  batch size ${batchSize}: ${projections.matches.size} matches, ${projections.notifications.size} notifications after ${((performance.now() - started) / 1000).toFixed(1)} s`);
    last = progress;
  }
  const seconds = (performance.now() - started) / 1000;
  await app.mongo.dropDatabase();
  await app.close();
  return { seconds, events: MATCHES + 2 * NOTIFICATIONS };
}

await publishLoad();
console.log(`published ${MATCHES} match.proposed and ${2 * NOTIFICATIONS} notification events (${NOTIFICATIONS} notifications failed then sent) to *.${run}`);
const results: string[] = [];
for (const batchSize of modes) {
  const { seconds, events } = await consume(batchSize);
  results.push(`${replayMode(batchSize)}: ${events} events in ${seconds.toFixed(1)} s = ${Math.round(events / seconds)} events/s (from start, with the group join)`);
  console.log(results[results.length - 1]);
}
console.log(results.join('\n'));
process.exit(0);
