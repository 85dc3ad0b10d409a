import { ingestWorkersTopic, workerContactsTopic, workersTopic, type WorkerProfile } from '@ketnoi/contracts';
import { buildEvent } from '@ketnoi/messaging';
import { readTopic, testKafka, waitFor } from '@ketnoi/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citizenIdHash } from '../../src/crypto/keyed-hash.js';
import { ingestWorkers } from '../../src/use-cases/ingest-workers.js';
import { loadWorker } from '../../src/use-cases/load-worker.js';
import { aProfile, citizenIdFor } from '../mothers.js';
import { logLines, produceRaw, startService, type TestService } from '../helpers.js';

const personNo = (serial: string, overrides: Partial<WorkerProfile> = {}) =>
  aProfile({ citizenId: citizenIdFor('1997-04-02', 'female', serial), dateOfBirth: '1997-04-02', gender: 'female', ...overrides });

const submitted = (externalRef: string, profile: WorkerProfile) =>
  JSON.stringify(buildEvent(ingestWorkersTopic, { type: 'worker.registered', subject: externalRef, data: { externalRef, profile } }, '/desk/thai-nguyen-centre'));

describe('registration from ingest.workers.v1 a batch at a time, on the real broker and FerretDB', () => {
  let service: TestService;
  const a = personNo('400001');
  const b = personNo('400002');
  const c = personNo('400003');
  const bad = personNo('400004', { gender: 'male' });
  const citizenIds = [a, b, c, bad].map((p) => p.citizenId);
  // One partition, so the consumer hands these to registration as one batch, in this order.
  const batch = [
    { key: 'desk-a', value: submitted('desk-a', a) },
    { key: 'desk-b', value: submitted('desk-b', b) },
    { key: 'desk-bad', value: submitted('desk-bad', bad) },
    { key: 'desk-poison', value: '{"specversion":"1.0","type":"worker.registered"' },
    { key: 'portal-a', value: submitted('portal-a', { ...a, expectedWageVnd: 11_000_000 }) },
    { key: 'desk-c', value: submitted('desk-c', c) },
    { key: 'desk-b', value: submitted('desk-b', b) },
  ].map((message) => ({ ...message, partition: 0 }));

  beforeAll(async () => {
    service = await startService();
  });
  afterAll(() => service.close());

  const db = () => service.app.mongo.db!;
  const count = (collection: string, filter: Record<string, unknown> = {}) => db().collection(collection).countDocuments(filter);
  const committed = async () => {
    const admin = testKafka().admin();
    await admin.connect();
    try {
      const [topic] = await admin.fetchOffsets({ groupId: `registration-${service.suffix}`, topics: [service.topic(ingestWorkersTopic.name)] });
      return topic!.partitions.reduce((sum, p) => sum + Math.max(0, Number(p.offset)), 0);
    } finally {
      await admin.disconnect();
    }
  };
  /** Every message on the topic, once the outbox has nothing left to publish. */
  const published = async (contract: string) => {
    await waitFor(async () => (await count('workers_versions_pending')) === 0, { what: 'the outbox drained' });
    const admin = testKafka().admin();
    await admin.connect();
    const offsets = await admin.fetchTopicOffsets(service.topic(contract));
    await admin.disconnect();
    const total = offsets.reduce((sum, p) => sum + Number(p.high), 0);
    const reader = await readTopic(testKafka(), service.topic(contract));
    const messages = await reader.waitForCount(total);
    await reader.stop();
    return messages.map((m) => JSON.parse(m.value!) as { type: string; data: { workerId: string; version: number } });
  };
  const effects = async () => ({
    workers: await count('workers'),
    versions: await count('workers_versions'),
    identities: await count('worker_identities'),
    keys: await count('worker_keys'),
    registers: await count('audit_log', { action: 'register' }),
    updates: await count('audit_log', { action: 'update' }),
  });

  it('applies a batch with a repeated person, a refused record and poison in the middle: each effect once', async () => {
    await produceRaw(service.topic(ingestWorkersTopic.name), batch);
    await waitFor(async () => (await committed()) === batch.length, { what: 'the batch consumed', timeoutMs: 30_000 });

    expect(await effects()).toEqual({ workers: 3, versions: 4, identities: 3, keys: 3, registers: 3, updates: 1 });
    const events = await published(workersTopic.name);
    expect(events.map((e) => `${e.type} v${e.data.version}`).sort()).toEqual([
      'worker.registered v1',
      'worker.registered v1',
      'worker.registered v1',
      'worker.updated v2',
    ]);
    const contacts = await published(workerContactsTopic.name);
    expect(contacts).toHaveLength(4);
    const holderOfA = await service.app.registration.identities.holderOf(citizenIdHash(service.app.registration.hashKey, a.citizenId));
    expect(events.filter((e) => e.data.workerId === holderOfA).map((e) => e.data.version)).toEqual([1, 2]);

    const dlq = await readTopic(testKafka(), `${service.topic(ingestWorkersTopic.name)}.dlq`);
    const dead = await dlq.waitForCount(2);
    await dlq.stop();
    expect(dead.map((m) => m.key).sort()).toEqual(['desk-bad', 'desk-poison']);
    const refused = dead.find((m) => m.key === 'desk-bad')!;
    expect(refused.headers['ketnoi-dlq-reason']).toMatch(/^VALIDATION_FAILED: .*citizenId: gender digit does not match the gender/);
    expect(dead.find((m) => m.key === 'desk-poison')!.headers['ketnoi-dlq-code']).toBe('INVALID_JSON');
  });

  it('changes nothing when the same batch is delivered again', async () => {
    const before = await effects();
    const eventsBefore = (await published(workersTopic.name)).length;
    await produceRaw(service.topic(ingestWorkersTopic.name), batch);
    await waitFor(async () => (await committed()) === 2 * batch.length, { what: 'the batch consumed again', timeoutMs: 30_000 });

    expect(await effects()).toEqual(before);
    expect(await published(workersTopic.name)).toHaveLength(eventsBefore);
  });

  it('finishes a registration that a crash left with its citizen-ID claimed but nothing else', async () => {
    const deps = service.app.registration;
    const d = personNo('400005');
    citizenIds.push(d.citizenId);
    const hash = citizenIdHash(deps.hashKey, d.citizenId);
    await deps.identities.claimMany([{ hash, workerId: 'wrk_interrupted' }]);

    const actor = { id: 'ingest:/desk/thai-nguyen-centre' };
    const [first] = await ingestWorkers(deps, [{ kind: 'register', profile: d, externalRef: 'desk-d', actor }]);
    const [again] = await ingestWorkers(deps, [{ kind: 'register', profile: d, externalRef: 'desk-d', actor }]);

    expect(first).toEqual({ outcome: 'registered', workerId: 'wrk_interrupted' });
    expect(again).toEqual({ outcome: 'unchanged' });
    expect(await count('workers_versions', { aggregateId: 'wrk_interrupted' })).toBe(1);
  });

  it('takes up a registration that a cut left with its version written but no head, without a second worker or version', async () => {
    const deps = service.app.registration;
    const f = personNo('400007');
    citizenIds.push(f.citizenId);
    const actor = { id: 'ingest:/desk/thai-nguyen-centre' };
    const event = { kind: 'register' as const, profile: f, externalRef: 'desk-f', actor, eventId: 'evt-f-1' };
    const [first] = await ingestWorkers(deps, [event]);
    const workerId = (first as { workerId: string }).workerId;
    // The cut: the head's write did not happen (the claim, key and version 1 did).
    await db().collection('workers').deleteOne({ _id: workerId as never });

    const [again] = await ingestWorkers(deps, [event]);
    const [changed] = await ingestWorkers(deps, [{ ...event, profile: { ...f, expectedWageVnd: 13_000_000 }, eventId: 'evt-f-2' }]);

    expect(again).toEqual({ outcome: 'unchanged' });
    expect(changed).toEqual({ outcome: 'updated', workerId });
    expect(await count('workers_versions', { aggregateId: workerId })).toBe(2);
    expect(await count('workers', { citizenIdHash: citizenIdHash(deps.hashKey, f.citizenId) })).toBe(1);
    expect((await deps.store.get(workerId))?.version).toBe(2);
  });

  it('recognises redelivered events by their ids without its memory of recent ones (after a restart)', async () => {
    const deps = service.app.registration;
    const e = personNo('400006');
    citizenIds.push(e.citizenId);
    const actor = { id: 'ingest:/desk/thai-nguyen-centre' };
    // The person changes and changes back: applying the contents again would change them twice more.
    const batchOfE = [
      { kind: 'register' as const, profile: e, externalRef: 'desk-e', actor, eventId: 'evt-e-1' },
      { kind: 'register' as const, profile: { ...e, expectedWageVnd: 12_000_000 }, externalRef: 'desk-e', actor, eventId: 'evt-e-2' },
      { kind: 'register' as const, profile: e, externalRef: 'desk-e', actor, eventId: 'evt-e-3' },
    ];
    expect((await ingestWorkers(deps, batchOfE)).map((r) => r.outcome)).toEqual(['registered', 'updated', 'updated']);
    expect((await ingestWorkers(deps, batchOfE)).map((r) => r.outcome)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    const workerId = await deps.identities.holderOf(citizenIdHash(deps.hashKey, e.citizenId));
    expect(await count('workers_versions', { aggregateId: workerId })).toBe(3);
  });

  it('updates many known people in one batch, each from their own current version (their heads read together)', async () => {
    const deps = service.app.registration;
    const actor = { id: 'ingest:/desk/thai-nguyen-centre' };
    const people = ['400011', '400012', '400013', '400014'].map((serial) => personNo(serial));
    citizenIds.push(...people.map((p) => p.citizenId));
    const register = (profiles: WorkerProfile[], round: string) =>
      ingestWorkers(deps, profiles.map((profile, i) => ({ kind: 'register' as const, profile, externalRef: `desk-k${i}`, actor, eventId: `evt-k${i}-${round}` })));
    expect((await register(people, '1')).map((r) => r.outcome)).toEqual(['registered', 'registered', 'registered', 'registered']);
    // A re-import: two people changed (each their own wage), two not.
    const wages = [9_100_000, undefined, 9_300_000, undefined];
    const again = people.map((p, i) => (wages[i] ? { ...p, expectedWageVnd: wages[i] } : p));
    const results = await register(again, '2');
    expect(results.map((r) => r.outcome)).toEqual(['updated', 'unchanged', 'updated', 'unchanged']);
    for (const [i, person] of people.entries()) {
      const workerId = (await deps.identities.holderOf(citizenIdHash(deps.hashKey, person.citizenId)))!;
      if ('workerId' in results[i]!) expect(results[i]).toMatchObject({ workerId });
      const { profile, current } = await loadWorker(deps, workerId);
      expect(profile.citizenId).toBe(person.citizenId);
      expect(profile.expectedWageVnd).toBe(again[i]!.expectedWageVnd);
      expect(current.version).toBe(wages[i] ? 2 : 1);
    }
  });

  it('never lets a citizen-ID reach a log line', () => {
    expect(logLines.some((line) => line.includes('workers submitted'))).toBe(true);
    for (const citizenId of citizenIds) expect(logLines.filter((line) => line.includes(citizenId))).toEqual([]);
  });
});
