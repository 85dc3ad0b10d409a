import {
  employersTopic,
  jobFairsTopic,
  matchesTopic,
  notificationsTopic,
  placementsTopic,
  vacanciesTopic,
  workersTopic,
  type MatchScored,
  type TopicDefinition,
} from '@ketnoi/contracts';
import { withSuffix } from '@ketnoi/messaging';
import { createDevIssuer } from '@ketnoi/service-kit';
import { uniqueName, waitFor } from '@ketnoi/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProjectionStore } from '../../src/repositories/projection-store.js';
import { JOBFAIR_KINDS } from '../../src/domain/jobfair-projections.js';
import { PROJECTION_KINDS } from '../../src/use-cases/projections.js';
import { publish, startService, testKafka, type TestService } from '../helpers.js';
import { fairHistory } from '../jobfair-history.js';
import { erasedWorker, historyEmployers, historyMatches, historyPlacements, historyVacancies, historyWorkers } from '../history.js';
import { aMatch } from '../mothers.js';

const TOPICS: TopicDefinition[] = [workersTopic, employersTopic, vacanciesTopic, placementsTopic, matchesTopic, notificationsTopic, jobFairsTopic];

/** 150 proposals (every fourth proposed again later, as matching does after a restart) over the history's vacancies and workers. */
const manyMatches: MatchScored[] = Array.from({ length: 150 }, (_, i) => {
  const vacancy = historyVacancies[i % 12]!;
  const worker = historyWorkers[(i * 7) % 20]!;
  return aMatch({ matchId: `${vacancy.vacancyId}:${worker.workerId}:${i}`, vacancyId: vacancy.vacancyId, workerId: worker.workerId, at: `2026-04-${String(10 + (i % 15)).padStart(2, '0')}T02:00:00.000Z` });
});
/** 60 notifications, each failed once then sent, some failed again after (a duplicate), some only failed. */
const notifications = Array.from({ length: 60 }, (_, i) => ({
  notificationId: `batch-n${i}`,
  recipientKind: 'worker' as const,
  recipientId: historyWorkers[i % 20]!.workerId,
  channel: i % 3 === 0 ? ('email' as const) : ('sms' as const),
  template: 'match',
  at: `2026-04-${String(10 + (i % 15)).padStart(2, '0')}T03:00:00.000Z`,
}));

/** Every event of the test, in topic order; published once, or twice for a redelivery. */
async function publishAll(suffix: string): Promise<void> {
  await publish(suffix, workersTopic, [
    ...historyWorkers.map((data) => ({ type: 'worker.registered' as const, subject: data.workerId, data })),
    ...historyWorkers.slice(0, 10).map((data) => ({ type: 'worker.status-changed' as const, subject: data.workerId, data: { ...data, version: 2, status: 'placed' as const } })),
    // An older version after a newer one: a duplicate.
    { type: 'worker.registered' as const, subject: historyWorkers[3]!.workerId, data: historyWorkers[3]! },
    { type: 'worker.erased' as const, subject: erasedWorker.workerId, data: { workerId: erasedWorker.workerId, version: 3, erasedAt: '2026-05-01T00:00:00.000Z' } },
    ...historyWorkers.slice(10, 15).map((data) => ({ type: 'worker.updated' as const, subject: data.workerId, data: { ...data, version: 2, communeCode: '05500' } })),
  ]);
  await publish(suffix, employersTopic, historyEmployers.map((data) => ({ type: 'employer.registered' as const, subject: data.employerId, data })));
  await publish(suffix, vacanciesTopic, [
    ...historyVacancies.map((data) => ({ type: 'vacancy.opened' as const, subject: data.vacancyId, data })),
    ...historyVacancies.slice(0, 4).map((data) => ({ type: 'vacancy.updated' as const, subject: data.vacancyId, data: { ...data, version: 2, positionsFilled: 1 } })),
  ]);
  await publish(suffix, placementsTopic, historyPlacements.map((data) => ({ type: 'placement.recorded' as const, subject: data.vacancyId, data })));
  await publish(suffix, matchesTopic, [
    ...historyMatches.map((data) => ({ type: 'match.proposed' as const, subject: data.vacancyId, data })),
    ...manyMatches.map((data) => ({ type: 'match.proposed' as const, subject: data.vacancyId, data })),
    ...manyMatches.filter((_, i) => i % 4 === 0).map((data) => ({ type: 'match.proposed' as const, subject: data.vacancyId, data: { ...data, score: 0.5 } })),
  ]);
  await publish(suffix, notificationsTopic, [
    ...notifications.map((data) => ({ type: 'notification.failed' as const, subject: data.recipientId, data: { ...data, reason: 'gateway timeout', final: false } })),
    ...notifications.filter((_, i) => i % 5 !== 0).map((data) => ({ type: 'notification.sent' as const, subject: data.recipientId, data })),
    ...notifications.filter((_, i) => i % 7 === 0).map((data) => ({ type: 'notification.failed' as const, subject: data.recipientId, data: { ...data, reason: 'late', final: true } })),
  ]);
  await publish(suffix, jobFairsTopic, fairHistory());
}

/** True when the group has committed every partition of the test's topics up to their end; else throws where it is behind. */
async function caughtUp(suffix: string, groupId: string): Promise<boolean> {
  const admin = testKafka().admin();
  await admin.connect();
  try {
    for (const topic of TOPICS.map((t) => withSuffix(suffix)(t.name))) {
      const ends = await admin.fetchTopicOffsets(topic);
      const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
      for (const end of ends) {
        const at = committed?.partitions.find((p) => p.partition === end.partition)?.offset ?? '-1';
        // An empty partition has nothing to commit.
        if (BigInt(end.high) > BigInt(end.low) && BigInt(at) < BigInt(end.high)) throw new Error(`${topic}[${end.partition}] at ${at} of ${end.high}`);
      }
    }
    return true;
  } finally {
    await admin.disconnect();
  }
}

/** Every projection document of the service's database, by collection, sorted by id. */
async function storedOf(service: TestService) {
  const out: Record<string, unknown[]> = {};
  for (const kind of [...PROJECTION_KINDS, ...JOBFAIR_KINDS]) {
    const docs = await service.app.mongo.db!.collection(kind).find({}).toArray();
    out[kind] = docs.sort((a, b) => String(a._id).localeCompare(String(b._id)));
  }
  return out;
}

describe('batched consumption on the real broker and FerretDB', () => {
  const issuer = createDevIssuer();
  const suffix = uniqueName('analytics-batch');
  const services: TestService[] = [];
  let ofOne: TestService;
  let batched: TestService;
  const start = async (name: string, env: Record<string, string>, dbName = `${suffix}_${name}`.replace(/-/g, '_')) => {
    const groupId = `${suffix}-${name}`;
    const service = await startService({ issuer: await issuer, suffix, dbName, groupId, env: { ANALYTICS_PUBLISH_DEBOUNCE_MS: '60000', ...env } });
    services.push(service);
    await waitFor(() => caughtUp(suffix, groupId), { what: `${name} caught up`, timeoutMs: 150_000, intervalMs: 500 });
    return service;
  };
  const answers = async (service: TestService) => {
    const headers = await service.bearer();
    const urls = ['/v1/activity', '/v1/supply-demand?level=former-district&groupBy=qualification,gender', '/v1/exposure'];
    // Everything but when each answer was computed.
    const body = async (url: string) => JSON.parse((await service.app.inject({ method: 'GET', url, headers })).body, (key, value: unknown) => (key === 'computedAt' ? undefined : value)) as unknown;
    return Promise.all(urls.map(body));
  };

  beforeAll(async () => {
    await publishAll(suffix);
    [ofOne, batched] = await Promise.all([start('single', { ANALYTICS_BATCH_SIZE: '0' }), start('batched', { ANALYTICS_BATCH_SIZE: '64' })]);
  }, 200_000);

  afterAll(async () => {
    for (const service of services.reverse()) await service.close();
  });

  it('stores the same documents and answers the same as batches of one (ANALYTICS_BATCH_SIZE=0)', async () => {
    const stored = await storedOf(batched);
    expect(stored.matches).toHaveLength(historyMatches.length + manyMatches.length);
    expect(stored.notifications).toHaveLength(notifications.length);
    expect(stored.jobfair_interviews?.length).toBeGreaterThan(0);
    expect(stored).toEqual(await storedOf(ofOne));
    expect(await answers(batched)).toEqual(await answers(ofOne));
    // The erasure went through the batch: the erased worker's matches carry their groups, not their id.
    const linked = JSON.stringify([stored.matches, stored.placements]);
    expect(linked).not.toContain(`"workerId":"${erasedWorker.workerId}"`);
    expect(linked).toContain('"traits":["female","youth-15-24","youth-15-29"]');
  });

  it('changes nothing when every batch is delivered again', async () => {
    const before = await storedOf(batched);
    const revision = batched.app.analytics.projections.revision;
    await publishAll(suffix);
    await waitFor(() => caughtUp(suffix, `${suffix}-batched`), { what: 'the redelivery consumed', timeoutMs: 50_000, intervalMs: 500 });
    expect(batched.app.analytics.projections.revision).toBe(revision);
    expect(await storedOf(batched)).toEqual(before);
  }, 60_000);

  it('counts everything once when batches cut short are redelivered to a restarted instance', async () => {
    const expected = await storedOf(batched);
    // What a crash between a batch's writes leaves behind: some of its documents saved, the rest not.
    const dbName = `${suffix}_cut`.replace(/-/g, '_');
    const cut = batched.app.mongo.useDb(dbName);
    for (const [kind, docs] of Object.entries(expected)) {
      const kept = docs.filter((_, i) => i % 3 !== 0) as { _id: string }[];
      if (kept.length > 0) await cut.collection(kind).insertMany(kept as never[]);
    }
    // A new group reads every topic from offset 0: each batch is redelivered onto the partial database.
    const restarted = await start('cut', {}, dbName);
    expect(await storedOf(restarted)).toEqual(expected);
    expect(await answers(restarted)).toEqual(await answers(batched));
  }, 120_000);

  it('replaces a document believed new that a failed earlier write had inserted', async () => {
    const connection = batched.app.mongo.useDb(`${suffix}_store`.replace(/-/g, '_'));
    const store = new ProjectionStore(connection);
    const doc = { _id: 'n-retried', recipientKind: 'worker' as const, channel: 'sms', outcome: 'failed' as const, at: '2026-04-10T03:00:00.000Z' };
    await store.saveMany('notifications', [doc], () => true);
    await store.saveMany('notifications', [{ ...doc, outcome: 'sent' }, { ...doc, _id: 'n-other' }], () => true);
    expect((await store.load('notifications')).sort((a, b) => a._id.localeCompare(b._id))).toEqual([{ ...doc, _id: 'n-other' }, { ...doc, outcome: 'sent' }]);
    await connection.dropDatabase();
  });
});
