import { vacanciesTopic } from '@ketnoi/contracts';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aVacancyInput } from '../mothers.js';
import { bearer, employerSession, readEvents, registerEmployer, startService, type TestService } from '../helpers.js';

/**
 * Finding 8 of docs/reliability.md: a POST that stored its vacancy but then
 * failed (5xx, which releases the key) or died before its answer was stored
 * (an abandoned claim) ran again on the client's retry with the same
 * Idempotency-Key and opened a second vacancy.
 */
describe('POST /v1/vacancies retried with the same Idempotency-Key after the vacancy was stored, on the real broker and FerretDB', () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startService();
  });
  afterAll(() => service?.close());

  async function anEmployer() {
    const employerId = await registerEmployer(service);
    const { token } = await employerSession(service, employerId);
    return { employerId, token };
  }

  const post = (token: string, key: string, title: string) =>
    service.app.inject({ method: 'POST', url: '/v1/vacancies', headers: { ...bearer(token), 'idempotency-key': key }, payload: aVacancyInput({ title }) as object });

  /** The next write's wake-up of the relay throws: the vacancy version is stored, the request answers 500. */
  function failAfterNextWrite() {
    const intake = service.app.intake;
    const kick = intake.kick;
    intake.kick = () => {
      intake.kick = kick;
      throw new Error('injected: failed after the vacancy was stored');
    };
  }

  const versionsOf = async (employerId: string) =>
    (await service.app.stores.vacancies.versions.find({ 'state.employerId': employerId }).lean()).map((doc) => doc.aggregateId);

  async function listed(token: string) {
    const list = await service.app.inject({ method: 'GET', url: '/v1/vacancies', headers: bearer(token) });
    expect(list.statusCode).toBe(200);
    return list.json<{ items: { vacancyId: string }[] }>().items.map((item) => item.vacancyId);
  }

  /** The vacancy.opened events of the employers once a later marker vacancy's event is out (the relay publishes in order of writing). */
  async function openedEventsUntil(marker: string, employerIds: string[]) {
    const topic = await readEvents(service, vacanciesTopic.name);
    await expect.poll(() => topic.events().some((e) => e.subject === marker), { timeout: 20_000 }).toBe(true);
    // The relay may publish the pending versions of several writes in one batch: give a straggler a moment.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await topic.reader.stop();
    return topic.events().filter((e) => e.type === 'vacancy.opened' && employerIds.includes(String(e.data.employerId)));
  }

  it('a 5xx after the write (the key released) and the retry open one vacancy, answered with it', async () => {
    const { employerId, token } = await anEmployer();
    const key = randomUUID();
    failAfterNextWrite();
    const failed = await post(token, key, 'Công nhân may ca ngày');
    expect(failed.statusCode).toBe(500);
    const stored = await versionsOf(employerId);
    expect(stored).toHaveLength(1);

    const retried = await post(token, key, 'Công nhân may ca ngày');
    expect(retried.statusCode).toBe(201);
    expect(retried.json<{ vacancyId: string; version: number }>()).toMatchObject({ vacancyId: stored[0], version: 1 });
    expect(retried.headers.location).toBe(`/v1/vacancies/${stored[0]}`);
    expect(await versionsOf(employerId)).toEqual(stored);
    expect(await listed(token)).toEqual(stored);

    // Replayed as stored from here on.
    const again = await post(token, key, 'Công nhân may ca ngày');
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toBe(retried.body);

    const marker = await post(token, randomUUID(), 'Công nhân đóng gói (mốc)');
    expect(marker.statusCode).toBe(201);
    const opened = await openedEventsUntil(marker.json<{ vacancyId: string }>().vacancyId, [employerId]);
    expect(opened.map((e) => e.subject).sort()).toEqual([stored[0], marker.json<{ vacancyId: string }>().vacancyId].sort());
  });

  it('a crash after the write and before the answer was kept (the claim abandoned) and the retry open one vacancy', async () => {
    const { employerId, token } = await anEmployer();
    const key = randomUUID();
    const first = await post(token, key, 'Thợ hàn bán tự động');
    expect(first.statusCode).toBe(201);
    const { vacancyId } = first.json<{ vacancyId: string }>();
    // What the crash leaves once the claim is taken as abandoned: neither the claim nor an answer.
    const keys = service.app.mongo.collection<{ _id: string }>('idempotency_keys');
    const records = await keys.find({}).toArray();
    const claimAndAnswer = records.map((record) => record._id).filter((id) => !id.includes(':effect:'));
    expect(claimAndAnswer.length).toBeGreaterThanOrEqual(2);
    await keys.deleteMany({ _id: { $in: claimAndAnswer } });

    const retried = await post(token, key, 'Thợ hàn bán tự động');
    expect(retried.statusCode).toBe(201);
    expect(retried.headers['idempotent-replayed']).toBeUndefined();
    expect(retried.json()).toEqual(first.json());
    expect(await versionsOf(employerId)).toEqual([vacancyId]);
    expect(await listed(token)).toEqual([vacancyId]);
  });

  it('a first attempt stopped between the version and the head: the retry writes the head and answers with that vacancy', async () => {
    const { employerId, token } = await anEmployer();
    const key = randomUUID();
    failAfterNextWrite();
    expect((await post(token, key, 'Kỹ thuật viên điện')).statusCode).toBe(500);
    const stored = await versionsOf(employerId);
    expect(stored).toHaveLength(1);
    await service.app.stores.vacancies.heads.deleteOne({ _id: stored[0] });

    const retried = await post(token, key, 'Kỹ thuật viên điện');
    expect(retried.statusCode).toBe(201);
    expect(retried.json()).toMatchObject({ vacancyId: stored[0], version: 1, employerId, terms: { title: 'Kỹ thuật viên điện' } });
    const read = await service.app.inject({ method: 'GET', url: `/v1/vacancies/${stored[0]}`, headers: bearer(token) });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(retried.json());
    expect(await listed(token)).toEqual(stored);
    expect(await versionsOf(employerId)).toEqual(stored);
  });

  it('a key used again with another body is still refused (422), and keys stay apart', async () => {
    const { employerId, token } = await anEmployer();
    const key = randomUUID();
    expect((await post(token, key, 'Nhân viên kho')).statusCode).toBe(201);
    expect((await post(token, key, 'Nhân viên kho lạnh')).statusCode).toBe(422);
    expect((await post(token, randomUUID(), 'Nhân viên kho')).statusCode).toBe(201);
    expect(await versionsOf(employerId)).toHaveLength(2);
  });

  it('a hire that failed after it was recorded (the key released) is answered as recorded on the retry, not 409; another key is still 409', async () => {
    const { token } = await anEmployer();
    const opened = await post(token, randomUUID(), 'Công nhân lắp ráp');
    const { vacancyId } = opened.json<{ vacancyId: string }>();
    const hire = (key: string) =>
      service.app.inject({ method: 'POST', url: `/v1/vacancies/${vacancyId}/hires`, headers: { ...bearer(token), 'idempotency-key': key }, payload: { workerId: 'wrk_retry01' } });
    const key = randomUUID();
    failAfterNextWrite();
    expect((await hire(key)).statusCode).toBe(500);
    const retried = await hire(key);
    expect(retried.statusCode).toBe(201);
    expect(retried.json()).toMatchObject({ vacancy: { vacancyId, version: 2, positionsFilled: 1 } });
    expect((await hire(randomUUID())).json()).toMatchObject({ code: 'ALREADY_HIRED' });
    const history = await service.app.stores.vacancies.history(vacancyId);
    expect(history.map((version) => version.state.hiredWorkerIds)).toEqual([[], ['wrk_retry01']]);
  });
});
