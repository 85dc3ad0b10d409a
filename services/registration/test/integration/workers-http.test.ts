import { workerContactsTopic, workersTopic } from '@ketnoi/contracts';
import { readTopic, testKafka, waitFor } from '@ketnoi/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aProfile, citizenIdFor } from '../mothers.js';
import { logLines, startService, type TestService } from '../helpers.js';

describe('registration over HTTP, on the real broker and FerretDB', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startService();
  });
  afterAll(() => service.close());

  const post = async (body: unknown, headers: Record<string, string> = {}) =>
    service.app.inject({ method: 'POST', url: '/v1/workers', payload: body as object, headers: { ...(await service.bearer()), ...headers } });

  it('registers a worker, stores it sealed, and publishes the pseudonymous and contact events', async () => {
    const response = await post(aProfile());
    expect(response.statusCode).toBe(201);
    const view = response.json();
    expect(view).toMatchObject({ version: 1, status: 'active', minor: false, profile: { fullName: 'Hoàng Thị Thu Hà', phone: '+84912345678' } });
    expect(view.priority).toMatchObject({ nearPoorHousehold: true, ethnicMinority: true });
    expect(response.headers.etag).toBe('"1"');

    const workers = await readTopic(testKafka(), service.topic(workersTopic.name));
    const [registered] = await workers.waitForCount(1);
    await workers.stop();
    const event = JSON.parse(registered!.value!);
    expect(registered!.key).toBe(view.workerId);
    expect(event).toMatchObject({ type: 'worker.registered', subject: view.workerId, data: { version: 1, communeCode: '01840', consentToMatching: true } });
    for (const personal of ['Hoàng', '019198123456', '+84912345678', '1998-03-14', 'thuha']) {
      expect(registered!.value).not.toContain(personal);
    }

    const contacts = await readTopic(testKafka(), service.topic(workerContactsTopic.name));
    const [contact] = await contacts.waitForCount(1);
    await contacts.stop();
    expect(JSON.parse(contact!.value!).data).toMatchObject({ fullName: 'Hoàng Thị Thu Hà', phone: '+84912345678', preferredLanguage: 'vi' });

    const versions = service.app.mongo.db!.collection('workers_versions');
    await waitFor(async () => (await versions.countDocuments({ outboxPending: true })) === 0, { what: 'the outbox published' });
    const stored = JSON.stringify(await versions.find().toArray());
    expect(stored).not.toContain('019198123456');
    expect(stored).not.toContain('Hoàng Thị');
  });

  it('refuses a second registration of the same citizen-ID, naming the worker', async () => {
    const profile = aProfile({ citizenId: citizenIdFor('1998-03-14', 'female', '222222'), fullName: 'Lò Thị Mai' });
    const first = await post(profile);
    const second = await post({ ...profile, fullName: 'Lo Thi Mai' });
    expect(second.statusCode).toBe(409);
    expect(second.headers['content-type']).toContain('application/problem+json');
    expect(second.json().details).toEqual({ workerId: first.json().workerId });
  });

  it('answers a replayed Idempotency-Key with the same response and registers once', async () => {
    const profile = aProfile({ citizenId: citizenIdFor('1998-03-14', 'female', '888888') });
    const key = { 'idempotency-key': 'desk-7-2026-11-26-0001' };
    const first = await post(profile, key);
    const again = await post(profile, key);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    const other = await post({ ...profile, fullName: 'Someone Else' }, key);
    expect(other.statusCode).toBe(422);
  });

  it('answers a bad profile with problem+json naming every field, without echoing values', async () => {
    const response = await post(aProfile({ citizenId: '019098999999', address: { communeCode: '99999' } }));
    expect(response.statusCode).toBe(400);
    const problem = response.json();
    expect(problem.details.issues.map((i: { path: string }) => i.path)).toEqual(['citizenId', 'address.communeCode']);
    expect(response.body).not.toContain('019098999999');
  });

  it('changes a worker with If-Match and refuses a stale version with 412', async () => {
    const created = (await post(aProfile({ citizenId: citizenIdFor('1998-03-14', 'female', '333333') }))).json();
    const url = `/v1/workers/${created.workerId}`;
    const headers = await service.bearer();
    const missing = await service.app.inject({ method: 'PATCH', url, headers, payload: { expectedWageVnd: 9_000_000 } });
    expect(missing.statusCode).toBe(428);
    const changed = await service.app.inject({ method: 'PATCH', url, headers: { ...headers, 'if-match': '"1"' }, payload: { expectedWageVnd: 9_000_000 } });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ version: 2, profile: { expectedWageVnd: 9_000_000 } });
    const stale = await service.app.inject({ method: 'PATCH', url, headers: { ...headers, 'if-match': '"1"' }, payload: { maxCommuteKm: 5 } });
    expect(stale.statusCode).toBe(412);
    expect(stale.json()).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 2 } });
    const unknownField = await service.app.inject({ method: 'PATCH', url, headers: { ...headers, 'if-match': '"2"' }, payload: { status: 'erased' } });
    expect(unknownField.statusCode).toBe(400);
  });

  it('lets exactly one of two concurrent changes of the same version win', async () => {
    const created = (await post(aProfile({ citizenId: citizenIdFor('1998-03-14', 'female', '444444') }))).json();
    const headers = { ...(await service.bearer()), 'if-match': '"1"' };
    const url = `/v1/workers/${created.workerId}`;
    const results = await Promise.all(
      [7_000_000, 7_500_000, 8_000_000, 9_500_000].map((wage) =>
        service.app.inject({ method: 'PATCH', url, headers, payload: { expectedWageVnd: wage } }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 412, 412, 412]);
  });

  it('finds a worker by citizen-ID and audits every read', async () => {
    const citizenId = citizenIdFor('1998-03-14', 'female', '555555');
    const created = (await post(aProfile({ citizenId }))).json();
    const headers = await service.bearer();
    const found = await service.app.inject({ method: 'GET', url: `/v1/workers?cccd=${citizenId}`, headers });
    expect(found.json()).toEqual({ items: [{ workerId: created.workerId, version: 1, status: 'active' }] });
    const read = await service.app.inject({ method: 'GET', url: `/v1/workers/${created.workerId}`, headers });
    expect(read.json().profile.citizenId).toBe(citizenId);
    const audit = await service.app.mongo.db!.collection('audit_log').find({ workerId: created.workerId }).toArray();
    expect(audit.map((a) => a.action)).toEqual(['register', 'look-up', 'read-profile']);
    expect(audit.every((a) => a.actor === 'tester-staff')).toBe(true);
  });

  it('records withdrawn consent at once and publishes it', async () => {
    const created = (await post(aProfile({ citizenId: citizenIdFor('1998-03-14', 'female', '666666') }))).json();
    const response = await service.app.inject({
      method: 'PUT',
      url: `/v1/workers/${created.workerId}/consents`,
      headers: await service.bearer(),
      payload: { matching: false, notifications: true, shareProfile: false, channel: 'phone' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().consents.matching).toMatchObject({ granted: false, channel: 'phone' });
    expect(response.json().consents.notifications.channel).toBe('desk');
    const workers = await readTopic(testKafka(), service.topic(workersTopic.name));
    await waitFor(() => workers.messages.find((m) => m.key === created.workerId && JSON.parse(m.value!).data.version === 2), {
      what: 'the consent change on workers.v1',
    });
    await workers.stop();
  });

  it('erases a worker: the others are told, the profile is gone, the person may register again', async () => {
    const citizenId = citizenIdFor('1998-03-14', 'female', '777777');
    const created = (await post(aProfile({ citizenId, fullName: 'Triệu Thị Erasable' }))).json();
    const url = `/v1/workers/${created.workerId}`;
    expect((await service.app.inject({ method: 'DELETE', url, headers: await service.bearer(['staff']) })).statusCode).toBe(403);
    expect((await service.app.inject({ method: 'DELETE', url, headers: await service.bearer(['admin']) })).statusCode).toBe(204);
    expect((await service.app.inject({ method: 'GET', url, headers: await service.bearer() })).statusCode).toBe(410);

    const workers = await readTopic(testKafka(), service.topic(workersTopic.name));
    await waitFor(() => workers.messages.find((m) => m.key === created.workerId && JSON.parse(m.value!).type === 'worker.erased'), {
      what: 'worker.erased',
    });
    await workers.stop();
    const contacts = await readTopic(testKafka(), service.topic(workerContactsTopic.name));
    await waitFor(() => contacts.messages.find((m) => m.key === created.workerId && JSON.parse(m.value!).type === 'worker-contact.erased'), {
      what: 'worker-contact.erased',
    });
    await contacts.stop();

    const db = service.app.mongo.db!;
    await waitFor(async () => (await db.collection('workers_versions').countDocuments({ outboxPending: true })) === 0, { what: 'outbox published' });
    const everything = JSON.stringify(
      await Promise.all(['workers', 'workers_versions', 'worker_identities', 'worker_keys'].map((c) => db.collection(c).find().toArray())),
    );
    expect(everything).not.toContain('Erasable');
    expect(await db.collection('worker_keys').countDocuments({ _id: created.workerId } as object)).toBe(0);
    expect((await post(aProfile({ citizenId }))).statusCode).toBe(201);
  });

  it('wrote no citizen-ID into any log line', () => {
    const used = ['019198123456', '019098999999', ...['222222', '333333', '444444', '555555', '666666', '777777', '888888'].map((serial) => citizenIdFor('1998-03-14', 'female', serial))];
    expect(logLines.length).toBeGreaterThan(10);
    for (const citizenId of used) expect(logLines.filter((line) => line.includes(citizenId))).toEqual([]);
  });
});
