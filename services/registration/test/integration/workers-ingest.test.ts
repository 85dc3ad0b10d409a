import { ingestWorkersTopic, workersTopic } from '@ketnoi/contracts';
import { buildEvent } from '@ketnoi/messaging';
import { readTopic, testKafka, waitFor } from '@ketnoi/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aProfile, citizenIdFor } from '../mothers.js';
import { logLines, produceRaw, startService, type TestService } from '../helpers.js';

const submitted = (externalRef: string, profile = aProfile(), type: 'worker.registered' | 'worker.updated' = 'worker.registered') =>
  JSON.stringify(buildEvent(ingestWorkersTopic, { type, subject: externalRef, data: { externalRef, profile } }, '/desk/thai-nguyen-centre'));

describe('registration from ingest.workers.v1, on the real broker and FerretDB', () => {
  let service: TestService;
  const citizenIds: string[] = [];
  beforeAll(async () => {
    service = await startService();
  });
  afterAll(() => service.close());

  const workerCount = () => service.app.mongo.db!.collection('workers').countDocuments();

  it('registers a submitted worker, dead-letters a bad one with its reason, and goes on', async () => {
    const good = aProfile({ citizenId: citizenIdFor('2001-05-20', 'male', '100001'), dateOfBirth: '2001-05-20', gender: 'male' });
    const bad = aProfile({ citizenId: citizenIdFor('2001-05-20', 'male', '100002'), dateOfBirth: '2001-05-20', gender: 'female' });
    citizenIds.push(good.citizenId, bad.citizenId);
    await produceRaw(service.topic(ingestWorkersTopic.name), [
      { key: 'desk-1', value: submitted('desk-1', bad) },
      { key: 'desk-2', value: '{"specversion":"1.0","type":"worker.registered"' },
      { key: 'desk-3', value: submitted('desk-3', good) },
    ]);
    await waitFor(async () => (await workerCount()) === 1, { what: 'the good worker stored' });

    const dlq = await readTopic(testKafka(), `${service.topic(ingestWorkersTopic.name)}.dlq`);
    const dead = await dlq.waitForCount(2);
    await dlq.stop();
    // Different keys, different partitions, consumed concurrently: in either order.
    expect(dead.map((m) => m.key).sort()).toEqual(['desk-1', 'desk-2']);
    const refused = dead.find((m) => m.key === 'desk-1')!;
    expect(refused.headers['ketnoi-dlq-reason']).toMatch(/citizenId: gender digit does not match the gender/);
    expect(dead.find((m) => m.key === 'desk-2')!.headers['ketnoi-dlq-code']).toBe('INVALID_JSON');
    expect(refused.headers['ketnoi-dlq-reason']).not.toContain(bad.citizenId);
  });

  it('updates the one worker when the same person arrives twice, and ignores a replay', async () => {
    const person = aProfile({ citizenId: citizenIdFor('1995-09-09', 'female', '200001'), dateOfBirth: '1995-09-09' });
    citizenIds.push(person.citizenId);
    const before = await workerCount();
    const topic = service.topic(ingestWorkersTopic.name);
    await produceRaw(topic, [{ key: 'desk-10', value: submitted('desk-10', person) }]);
    // Other keys, other partitions, consumed concurrently: the update is sent once the registration is in.
    await waitFor(async () => (await workerCount()) === before + 1, { what: 'the worker registered' });
    await produceRaw(topic, [
      { key: 'portal-77', value: submitted('portal-77', { ...person, expectedWageVnd: 10_000_000 }, 'worker.updated') },
      { key: 'portal-77', value: submitted('portal-77', { ...person, expectedWageVnd: 10_000_000 }, 'worker.updated') },
    ]);
    const workers = await readTopic(testKafka(), service.topic(workersTopic.name));
    const events = await waitFor(
      () => {
        const mine = workers.messages.map((m) => JSON.parse(m.value!)).filter((e) => e.data.expectedWageVnd === 10_000_000);
        return mine.length > 0 && mine;
      },
      { what: 'the update on workers.v1' },
    );
    // Let a (wrong) third version show up if it were to.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await workers.stop();
    expect(await workerCount()).toBe(before + 1);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'worker.updated', data: { version: 2 } });
  });

  it('withdraws a worker by citizen-ID', async () => {
    const person = aProfile({ citizenId: citizenIdFor('1999-01-01', 'female', '300001'), dateOfBirth: '1999-01-01' });
    citizenIds.push(person.citizenId);
    const topic = service.topic(ingestWorkersTopic.name);
    await produceRaw(topic, [{ key: 'desk-20', value: submitted('desk-20', person) }]);
    const withdrawn = buildEvent(
      ingestWorkersTopic,
      { type: 'worker.withdrawn', subject: 'desk-20', data: { externalRef: 'desk-20', citizenId: person.citizenId, reason: 'found work abroad' } },
      '/desk/thai-nguyen-centre',
    );
    await produceRaw(topic, [{ key: 'desk-20', value: JSON.stringify(withdrawn) }]);
    const workers = await readTopic(testKafka(), service.topic(workersTopic.name));
    const change = await waitFor(
      () => workers.messages.map((m) => JSON.parse(m.value!)).find((e) => e.type === 'worker.status-changed'),
      { what: 'worker.status-changed' },
    );
    await workers.stop();
    expect(change.data).toMatchObject({ status: 'not-looking', version: 2 });
  });

  it('never lets a citizen-ID reach a published message or a log line', async () => {
    expect(citizenIds.length).toBeGreaterThan(0);
    const published: string[] = [];
    for (const topic of ['workers.v1', 'worker-contacts.v1']) {
      const reader = await readTopic(testKafka(), service.topic(topic));
      await waitFor(() => reader.messages.length > 0, { what: `messages on ${topic}` });
      await new Promise((resolve) => setTimeout(resolve, 300));
      await reader.stop();
      published.push(...reader.messages.map((m) => `${m.key} ${m.value} ${JSON.stringify(m.headers)}`));
    }
    expect(logLines.length).toBeGreaterThan(10);
    for (const citizenId of citizenIds) {
      expect(published.filter((text) => text.includes(citizenId))).toEqual([]);
      expect(logLines.filter((line) => line.includes(citizenId))).toEqual([]);
    }
  });
});
