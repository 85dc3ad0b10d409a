import { matchesTopic, placementsTopic, vacanciesTopic, workersTopic, type TopicEventInput } from '@ketnoi/contracts';
import { readTopic, uniqueName, waitFor } from '@ketnoi/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCORING } from '../../src/domain/scoring-config.js';
import type { ShardStore } from '../../src/repositories/shard-store.js';
import { partitionOfKey } from '../../src/sharding/shard-router.js';
import { shardInputTopic, shardListsTopic } from '../../src/sharding/topics.js';
import { duplicatedEffects, foldMatches, messageCount, publish, startService, testKafka, waitForConsumed, type MatchEvent, type TestService } from '../helpers.js';
import { aVacancy, aWorker } from '../mothers.js';

// K = 8 over 36 workers: lists fill, and the shards' lists overlap and compete.
const scoring = JSON.stringify({ ...DEFAULT_SCORING, kPerVacancy: 8 });
// vacancy-s1 takes no one over 35: the workers born in June 1991 (35 now) leave its list when a re-match counts ages in July 2027.
const vacancies = ['vacancy-s1', 'vacancy-s2', 'vacancy-s3'].map((vacancyId, i) => aVacancy({ vacancyId }, { minExperienceYears: 1 + i * 2, ...(i === 0 ? { maxAge: 35 } : {}) }));
const workers = Array.from({ length: 36 }, (_, i) =>
  aWorker({
    workerId: `worker-s${String(i).padStart(2, '0')}`,
    experienceYears: i % 9,
    qualification: i % 4 ? 'intermediate' : 'college',
    communeCode: i % 3 ? '05443' : '05518',
    ...(i % 4 === 0 ? { birthMonth: '1991-06' } : {}),
  }),
);
let clock = new Date('2026-11-15T00:00:00Z');
const now = () => clock;
const events = {
  vacancies: [
    ...vacancies.map((data) => ({ type: 'vacancy.opened' as const, subject: data.vacancyId, data })),
    { type: 'vacancy.updated' as const, subject: 'vacancy-s3', data: aVacancy({ vacancyId: 'vacancy-s3', version: 2, status: 'filled' }) },
  ],
  workers: [
    ...workers.map((data) => ({ type: 'worker.registered' as const, subject: data.workerId, data })),
    { type: 'worker.updated', subject: 'worker-s08', data: aWorker({ workerId: 'worker-s08', version: 2, consentToMatching: false }) },
    { type: 'worker.erased', subject: 'worker-s17', data: { workerId: 'worker-s17', version: 2, erasedAt: '2026-11-01T00:00:00.000Z' } },
  ] satisfies TopicEventInput<typeof workersTopic>[],
  placements: [
    {
      type: 'placement.recorded' as const,
      subject: 'vacancy-s1',
      data: { placementId: 'placement-s1', version: 1, vacancyId: 'vacancy-s1', workerId: 'worker-s26', employerId: 'employer-0001', hiredAt: '2026-11-02T00:00:00.000Z' },
    },
  ],
};

/** Vacancies opened and most workers registered, then the rest: more workers, changes, an erasure, a hire, a vacancy filled. */
async function publishFirstPart(suffix: string): Promise<void> {
  await publish(suffix, vacanciesTopic, events.vacancies.slice(0, 3));
  await publish(suffix, workersTopic, events.workers.slice(0, 24));
}

async function publishSecondPart(suffix: string): Promise<void> {
  await publish(suffix, workersTopic, events.workers.slice(24));
  await publish(suffix, placementsTopic, events.placements);
  await publish(suffix, vacanciesTopic, events.vacancies.slice(3));
}

const ready = (service: TestService) =>
  waitFor(async () => (await service.app.inject({ method: 'GET', url: '/health/ready' })).statusCode === 200, { timeoutMs: 60_000, what: 'readiness' });

/** One id per shard, so that a shard whose lists went missing shows in the matches. */
const onePerShard = Array.from({ length: shardInputTopic.partitions }, (_, shard) => {
  for (let i = 0; ; i += 1) if (partitionOfKey(`worker-n${i}`, shardInputTopic.partitions) === shard) return `worker-n${i}`;
});

/** Afterwards, with one sharded instance gone: a worker improves, and in every shard a newcomer better than anyone so far. */
const thirdPart = {
  workers: [
    { type: 'worker.updated' as const, subject: 'worker-s03', data: aWorker({ workerId: 'worker-s03', version: 2, experienceYears: 8 }) },
    ...onePerShard.map((workerId) => aWorker({ workerId, experienceYears: 12, qualification: 'college' })).map((data) => ({
      type: 'worker.registered' as const,
      subject: data.workerId,
      data,
    })),
  ],
  vacancies: [{ type: 'vacancy.updated' as const, subject: 'vacancy-s2', data: aVacancy({ vacancyId: 'vacancy-s2', version: 2 }, { minExperienceYears: 0 }) }],
};

async function publishThirdPart(suffix: string): Promise<void> {
  await publish(suffix, workersTopic, thirdPart.workers);
  await publish(suffix, vacanciesTopic, thirdPart.vacancies);
}

async function folded(service: TestService) {
  const topic = service.topic(matchesTopic.name);
  const reader = await readTopic(testKafka(), topic);
  await reader.waitForCount(await messageCount(topic));
  await reader.stop();
  return foldMatches(reader.messages.map((m) => JSON.parse(m.value ?? '{}') as MatchEvent));
}

describe('two sharded instances in one consumer group (real broker and FerretDB)', () => {
  let one: TestService;
  let first: TestService;
  let second: TestService | undefined;
  let groupId: string;

  afterAll(async () => {
    await one?.close();
    await second?.close({ keepDatabase: true });
    await first?.close();
  });

  const consumedByOne = async () => {
    for (const topic of [vacanciesTopic, workersTopic, placementsTopic]) await waitForConsumed(`matching-${one.suffix}`, one.topic(topic.name));
  };
  const consumedBySharded = async () => {
    for (const topic of [vacanciesTopic, workersTopic, placementsTopic]) await waitForConsumed(`${groupId}-router`, first.topic(topic.name));
    await waitForConsumed(`${groupId}-shards`, first.topic(shardInputTopic.name));
    await waitForConsumed(`${groupId}-merge`, first.topic(shardListsTopic.name));
  };

  beforeAll(async () => {
    const suffix = uniqueName('one');
    await publishFirstPart(suffix);
    await publishSecondPart(suffix);
    one = await startService({ suffix, scoring, now, sharded: false });
    await consumedByOne();
  });

  it('publish the same final matches as one instance', async () => {
    const expected = await folded(one);
    expect(expected.size).toBeGreaterThan(5);
    const suffix = uniqueName('two');
    const dbName = suffix.replace(/-/g, '_');
    groupId = `matching-${suffix}`;
    await publishFirstPart(suffix);
    first = await startService({ suffix, dbName, scoring, sharded: true, groupId, now });
    await waitForConsumed(`${groupId}-router`, first.topic(workersTopic.name));
    await waitForConsumed(`${groupId}-shards`, first.topic(shardInputTopic.name));
    // The second joins: half the partitions move to it, and its shards are rebuilt there (a new epoch) from the collections.
    second = await startService({ suffix, dbName, scoring, sharded: true, groupId, now });
    await ready(first);
    await ready(second);
    await publishSecondPart(suffix);
    await consumedBySharded();
    expect(await folded(first)).toEqual(expected);
    // The vacancy filled last went to every shard, so each instance has applied some ...
    expect(first.app.shardHost.built.length).toBeGreaterThan(0);
    expect(second.app.shardHost.built.length).toBeGreaterThan(0);
    // ... and holds only its own: the first freed the shards it lost when the second joined.
    const built = [...first.app.shardHost.built, ...second.app.shardHost.built].sort((a, b) => a - b);
    expect(built).toEqual(Array.from({ length: shardInputTopic.partitions }, (_, shard) => shard));
  });

  it('answer the HTTP reads on either instance as one instance does', async () => {
    const get = async (service: TestService, url: string) => {
      const response = await service.app.inject({ method: 'GET', url, headers: await service.bearer() });
      // A problem's requestId is each request's own.
      const { requestId: _requestId, ...body } = response.json<Record<string, unknown>>();
      return { status: response.statusCode, body };
    };
    const urls = [
      ...vacancies.map(({ vacancyId }) => `/v1/vacancies/${vacancyId}/matches?limit=5&offset=1`),
      '/v1/vacancies/vacancy-s1/matches',
      ...['worker-s00', 'worker-s03', 'worker-s08', 'worker-s17', 'worker-s26', 'worker-s35'].map((id) => `/v1/workers/${id}/matches`),
      ...['worker-s00', 'worker-s05', 'worker-s08', 'worker-s17', 'worker-s26', 'worker-s31'].map((id) => `/v1/explain?workerId=${id}&vacancyId=vacancy-s1`),
      '/v1/explain?workerId=worker-s01&vacancyId=vacancy-s2',
      '/v1/explain?workerId=worker-s01&vacancyId=vacancy-none',
      '/v1/vacancies/vacancy-none/matches',
    ];
    let found = 0;
    for (const url of urls) {
      const expected = await get(one, url);
      if (expected.status === 200) found += 1;
      expect({ url, ...(await get(first, url)) }).toEqual({ url, ...expected });
      expect({ url, ...(await get(second!, url)) }).toEqual({ url, ...expected });
    }
    expect(found).toBeGreaterThan(12);
  });

  it('re-match every shard, on both instances, from a request to one: the same withdrawals as one instance', async () => {
    const before = await folded(one);
    clock = new Date('2027-07-01T00:00:00Z');
    const rematch = async (service: TestService) => {
      const headers = await service.bearer(['admin']);
      const started = await service.app.inject({ method: 'POST', url: '/v1/rematch', headers });
      expect(started.statusCode).toBe(202);
      const { jobId } = started.json<{ jobId: string }>();
      let job: Record<string, unknown> = {};
      await waitFor(
        async () => {
          job = (await service.app.inject({ method: 'GET', url: `/v1/rematch/${jobId}`, headers })).json();
          return job.state !== 'running';
        },
        { timeoutMs: 60_000, what: 'the rematch job to finish' },
      );
      return job;
    };
    expect(await rematch(one)).toMatchObject({ state: 'done', events: expect.any(Number) });
    await consumedByOne();
    const expected = await folded(one);
    const aged = [...before.keys()].filter((id) => id.startsWith('vacancy-s1:') && !expected.has(id));
    expect(aged.length).toBeGreaterThan(0);
    const job = await rematch(first);
    expect(job).toMatchObject({ state: 'done', done: job.vacancies });
    expect(job.vacancies).toBeGreaterThanOrEqual(shardInputTopic.partitions * 2);
    expect(job.events).toBeGreaterThan(0);
    await consumedBySharded();
    expect(await folded(first)).toEqual(expected);
    const topic = first.topic(matchesTopic.name);
    const reader = await readTopic(testKafka(), topic);
    await reader.waitForCount(await messageCount(topic));
    await reader.stop();
    const lastWithdrawal = new Map<string, string | undefined>();
    for (const event of reader.messages.map((m) => JSON.parse(m.value ?? '{}') as MatchEvent)) {
      if (event.type === 'match.withdrawn' && aged.includes(event.data.matchId)) lastWithdrawal.set(event.data.matchId, event.data.reason);
    }
    expect([...lastWithdrawal.values()]).toEqual(aged.map(() => 'rescored'));
  });

  it('still do when one leaves: its shards come back to the other, which rebuilds them rather than trust its stale copies', async () => {
    await publishThirdPart(one.suffix);
    await consumedByOne();
    const expected = await folded(one);
    expect([...expected.keys()].filter((id) => id.startsWith('vacancy-s2:worker-n'))).toHaveLength(onePerShard.length);
    await second!.close({ keepDatabase: true });
    second = undefined;
    await publishThirdPart(first.suffix);
    await consumedBySharded();
    expect(await folded(first)).toEqual(expected);
    expect(first.app.shardHost.built).toHaveLength(shardInputTopic.partitions);
  });

  it('finish a merge batch cut short after its events went out: sent again with the same ids, nothing announced twice', async () => {
    const expected = await folded(one);
    const suffix = uniqueName('cut');
    const dbName = suffix.replace(/-/g, '_');
    const group = `matching-${suffix}`;
    await publishFirstPart(suffix);
    await publishSecondPart(suffix);
    await publishThirdPart(suffix);
    const cut = await startService({ suffix, dbName, scoring, sharded: true, groupId: group, now });
    // This instance cannot save the merge stage's state (retriable): its first merged batch goes out, is never saved, and the instance goes away.
    const stage = cut.app.mergeStage as unknown as { store: ShardStore };
    stage.store.saveMerged = () => Promise.reject(Object.assign(new Error('database unreachable'), { retriable: true }));
    const topic = cut.topic(matchesTopic.name);
    await waitFor(async () => (await messageCount(topic)) > 0, { timeoutMs: 60_000, what: 'a merged batch sent' });
    await cut.close({ keepDatabase: true });
    const again = await startService({ suffix, dbName, scoring, sharded: true, groupId: group, now });
    try {
      for (const input of [vacanciesTopic, workersTopic, placementsTopic]) await waitForConsumed(`${group}-router`, again.topic(input.name));
      await waitForConsumed(`${group}-shards`, again.topic(shardInputTopic.name));
      await waitForConsumed(`${group}-merge`, again.topic(shardListsTopic.name));
      const reader = await readTopic(testKafka(), topic);
      await reader.waitForCount(await messageCount(topic));
      await reader.stop();
      const sent = reader.messages.map((m) => JSON.parse(m.value ?? '{}') as MatchEvent);
      const once = [...new Map(sent.map((e) => [e.id, e])).values()];
      expect(sent.length).toBeGreaterThan(once.length);
      expect(duplicatedEffects(sent)).toBe(0);
      expect(foldMatches(once)).toEqual(expected);
    } finally {
      await again.close();
    }
  });
});
