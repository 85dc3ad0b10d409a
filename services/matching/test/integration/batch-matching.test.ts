import { matchesTopic, vacanciesTopic, workersTopic, type TopicEventInput } from '@ketnoi/contracts';
import { readTopic, uniqueName, waitFor } from '@ketnoi/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCORING } from '../../src/domain/scoring-config.js';
import { collect, duplicatedEffects, foldMatches, messageCount, publish, startService, testKafka, testsSharded, waitForApplied, waitForConsumed, type MatchEvent, type TestService } from '../helpers.js';
import { aVacancy, aWorker } from '../mothers.js';

// K = 4, so that within a batch workers enter a list and are pushed out of it again.
const scoring = JSON.stringify({ ...DEFAULT_SCORING, kPerVacancy: 4 });
const vacancies = ['vacancy-b1', 'vacancy-b2'].map((vacancyId, i) => aVacancy({ vacancyId }, { minExperienceYears: 1 + i * 3 }));
const workerEvents: TopicEventInput<typeof workersTopic>[] = [
  ...Array.from({ length: 14 }, (_, i) => aWorker({ workerId: `worker-b${String(i).padStart(2, '0')}`, experienceYears: i % 7, qualification: i % 3 ? 'intermediate' : 'college' })).map(
    (data) => ({ type: 'worker.registered' as const, subject: data.workerId, data }),
  ),
  { type: 'worker.updated', subject: 'worker-b06', data: aWorker({ workerId: 'worker-b06', version: 2, consentToMatching: false }) },
  { type: 'worker.updated', subject: 'worker-b02', data: aWorker({ workerId: 'worker-b02', version: 2, experienceYears: 9 }) },
  { type: 'worker.erased', subject: 'worker-b05', data: { workerId: 'worker-b05', version: 2, erasedAt: '2026-11-01T00:00:00.000Z' } },
];

/** The vacancies, then the worker events in one send, so that each partition's come in one fetch. */
async function run(batchSize: number) {
  const suffix = uniqueName('batch');
  await publish(suffix, vacanciesTopic, vacancies.map((data) => ({ type: 'vacancy.opened' as const, subject: data.vacancyId, data })));
  const service = await startService({ suffix, scoring, batchSize });
  await waitForApplied(service, [vacanciesTopic]);
  await publish(suffix, workersTopic, workerEvents);
  await waitForApplied(service, [workersTopic]);
  const matches = await readTopic(testKafka(), service.topic(matchesTopic.name));
  await matches.waitForCount(await messageCount(service.topic(matchesTopic.name)));
  const lists = await listsOf(service);
  return { service, matches, lists, events: () => matches.messages.map((m) => JSON.parse(m.value ?? '{}') as MatchEvent) };
}

/** Each vacancy's current list, as GET /v1/vacancies/:id/matches answers: [{ id, score }] in rank order. */
async function listsOf(service: TestService) {
  const entries = await Promise.all(
    vacancies.map(async ({ vacancyId }) => {
      const response = await service.app.inject({ method: 'GET', url: `/v1/vacancies/${vacancyId}/matches`, headers: await service.bearer() });
      return [vacancyId, response.json<{ items: { workerId: string; score: number }[] }>().items.map((item) => ({ id: item.workerId, score: item.score }))] as const;
    }),
  );
  return Object.fromEntries(entries);
}

/** The lists as saved in the service's database: vacancy → [workerId, score] in rank order. */
async function storedLists(service: TestService) {
  const docs = await collect(service.app.matching.store.matchLists());
  return Object.fromEntries(docs.map((doc) => [doc._id, doc.entries.map((e) => [e.workerId, e.score])]));
}

describe('matching a batch of worker events at once (real broker and FerretDB)', () => {
  let batched: Awaited<ReturnType<typeof run>>;
  let single: Awaited<ReturnType<typeof run>>;

  beforeAll(async () => {
    batched = await run(500);
    single = await run(1);
  });

  afterAll(async () => {
    for (const side of [batched, single]) {
      await side?.matches.stop();
      await side?.service.close();
    }
  });

  it('ends with the same lists, stored and announced, as applying the events one by one', async () => {
    expect(batched.lists['vacancy-b1']).toHaveLength(4);
    expect(batched.lists).toEqual(single.lists);
    // One instance's `matches` collection (sharded, the lists read above come from the merge stage's `merged`).
    if (!testsSharded) expect(await storedLists(batched.service)).toEqual(await storedLists(single.service));
    const folded = foldMatches(batched.events());
    expect([...folded.keys()].sort()).toEqual(Object.entries(batched.lists).flatMap(([v, list]) => list.map((e) => `${v}:${e.id}`)).sort());
    expect(folded).toEqual(foldMatches(single.events()));
    // Coalesced: who entered a list and left it again within a batch was never announced.
    expect(batched.events().length).toBeLessThanOrEqual(single.events().length);
  });

  it('publishes nothing new when the same batch is delivered again', async () => {
    const { suffix } = batched.service;
    const before = batched.matches.messages.length;
    const dbName = batched.service.app.mongo.db!.databaseName;
    await batched.service.close({ keepDatabase: true });
    // A new group reads every topic again from the start: the same batches, redelivered.
    const groupId = `matching-again-${suffix}`;
    batched.service = await startService({ suffix, dbName, scoring, groupId });
    await waitForApplied(batched.service, [workersTopic, vacanciesTopic]);
    expect(await messageCount(batched.service.topic(matchesTopic.name))).toBe(before);
    expect((await listsOf(batched.service))['vacancy-b1']).toEqual(single.lists['vacancy-b1']);
  });

  // The one instance's `match_outbox` (scale-out.test.ts cuts the sharded merge stage's batch short).
  it.skipIf(testsSharded)('finishes a batch cut short after its events went out: the restart sends them again with the same ids, and no new ones', async () => {
    const suffix = uniqueName('cut');
    const dbName = suffix.replace(/-/g, '_');
    await publish(suffix, vacanciesTopic, vacancies.map((data) => ({ type: 'vacancy.opened' as const, subject: data.vacancyId, data })));
    let service = await startService({ suffix, dbName, scoring });
    await waitForConsumed(`matching-${suffix}`, service.topic(vacanciesTopic.name));
    const before = await messageCount(service.topic(matchesTopic.name));
    // From now on this instance cannot save lists (retriable): the batch's events go out, its lists are never saved, and the instance goes away.
    service.app.matching.store.saveMatchLists = () => Promise.reject(Object.assign(new Error('database unreachable'), { retriable: true }));
    await publish(suffix, workersTopic, workerEvents);
    await waitFor(async () => (await messageCount(service.topic(matchesTopic.name))) > before, { what: 'the batch sent' });
    await service.close({ keepDatabase: true });
    service = await startService({ suffix, dbName, scoring });
    await waitForConsumed(`matching-${suffix}`, service.topic(workersTopic.name));
    const reader = await readTopic(testKafka(), service.topic(matchesTopic.name));
    await reader.waitForCount(await messageCount(service.topic(matchesTopic.name)));
    await reader.stop();
    const sent = reader.messages.slice(before).map((m) => JSON.parse(m.value ?? '{}') as MatchEvent);
    const once = [...new Map(sent.map((e) => [e.id, e])).values()];
    // What went out before the cut was sent again, with the same ids (consumers and the chaos suite drop a repeated id) ...
    expect(sent.length).toBeGreaterThan(once.length);
    // ... and nothing announced again under a new id: no match proposed while live, none withdrawn while not.
    expect(duplicatedEffects(sent)).toBe(0);
    const lists = Object.entries(single.lists).flatMap(([vacancyId, list]) => list.map((e) => `${vacancyId}:${e.id}`));
    expect([...foldMatches(once).keys()].sort()).toEqual(lists.sort());
    expect(await service.app.mongo.db!.collection('match_outbox').countDocuments()).toBe(0);
    await service.close();
  });
});
