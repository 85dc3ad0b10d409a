import { vacanciesTopic } from '@ketnoi/contracts';
import { waitFor } from '@ketnoi/testing';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/domain/ids.js';
import { aVacancyInput } from '../mothers.js';
import { bearer, employerSession, readEvents, registerEmployer, startService, type TestService } from '../helpers.js';

describe('vacancies over HTTP, on the real broker and FerretDB', () => {
  let service: TestService;
  let employerId: string;
  let token: string;
  const post = (payload: unknown, headers: Record<string, string> = {}) =>
    service.app.inject({ method: 'POST', url: '/v1/vacancies', headers: { ...bearer(token), ...headers }, payload: payload as object });

  beforeAll(async () => {
    service = await startService();
    employerId = await registerEmployer(service);
    ({ token } = await employerSession(service, employerId));
  });
  afterAll(() => service?.close());

  it('opens a vacancy and publishes vacancy.opened on vacancies.v1 with its version', async () => {
    const created = await post(aVacancyInput());
    expect(created.statusCode).toBe(201);
    const vacancy = created.json<{ vacancyId: string; version: number; employerId: string; status: string }>();
    expect(vacancy).toMatchObject({ version: 1, employerId, status: 'open' });
    expect(created.headers.etag).toBe('"1"');
    expect(created.headers.location).toBe(`/v1/vacancies/${vacancy.vacancyId}`);

    const topic = await readEvents(service, vacanciesTopic.name);
    const events = await topic.waitFor(1);
    await topic.reader.stop();
    const opened = events.find((e) => e.subject === vacancy.vacancyId)!;
    expect(opened).toMatchObject({ type: 'vacancy.opened', data: { vacancyId: vacancy.vacancyId, version: 1, employerId, fdi: true, status: 'open' } });
    expect(opened.data.terms).toMatchObject({ wagePeriod: 'month', housingOffered: true, welcomedGroups: ['disability'] });
  });

  it('replays the answer for a repeated Idempotency-Key: one vacancy; another body with it is 422', async () => {
    const key = randomUUID();
    const body = aVacancyInput({ title: 'Thợ hàn CO2' });
    const first = await post(body, { 'idempotency-key': key });
    const second = await post(body, { 'idempotency-key': key });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json()).toEqual(first.json());
    expect(second.headers.location).toBe(first.headers.location);

    const list = await service.app.inject({ method: 'GET', url: '/v1/vacancies?limit=100', headers: bearer(token) });
    expect(list.json<{ items: { terms: { title: string } }[] }>().items.filter((v) => v.terms.title === 'Thợ hàn CO2')).toHaveLength(1);

    const other = await post({ ...body, positions: 3 }, { 'idempotency-key': key });
    expect(other.statusCode).toBe(422);
    expect(other.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('lets only one of concurrent requests with the same Idempotency-Key create the vacancy', async () => {
    const key = randomUUID();
    const body = aVacancyInput({ title: 'Thủ kho nguyên liệu' });
    const answers = await Promise.all(Array.from({ length: 6 }, () => post(body, { 'idempotency-key': key })));
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    expect(new Set(answers.filter((a) => a.statusCode === 201).map((a) => a.json<{ vacancyId: string }>().vacancyId)).size).toBe(1);
    const list = await service.app.inject({ method: 'GET', url: '/v1/vacancies?limit=100', headers: bearer(token) });
    expect(list.json<{ items: { terms: { title: string } }[] }>().items.filter((v) => v.terms.title === 'Thủ kho nguyên liệu')).toHaveLength(1);
  });

  it('changes terms with If-Match and refuses a stale version with 412', async () => {
    const { vacancyId } = (await post(aVacancyInput({ title: 'Kỹ thuật viên bảo trì' }))).json<{ vacancyId: string }>();
    const patch = (ifMatch: string | undefined, payload: object) =>
      service.app.inject({ method: 'PATCH', url: `/v1/vacancies/${vacancyId}`, headers: { ...bearer(token), ...(ifMatch ? { 'if-match': ifMatch } : {}) }, payload });

    const changed = await patch('"1"', { positions: 12, description: null });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ version: 2, terms: { positions: 12 } });
    expect(changed.json<{ terms: object }>().terms).not.toHaveProperty('description');
    expect(changed.headers.etag).toBe('"2"');

    const stale = await patch('"1"', { positions: 15 });
    expect(stale.statusCode).toBe(412);
    expect(stale.json()).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 2 } });
    expect((await patch(undefined, { positions: 15 })).statusCode).toBe(428);
  });

  it('refuses unknown fields (no mass assignment) and discriminatory requirements with a clear error', async () => {
    const massAssigned = await post({ ...aVacancyInput(), status: 'filled' });
    expect(massAssigned.statusCode).toBe(400);
    expect(massAssigned.json()).toMatchObject({ code: 'VALIDATION_FAILED' });

    const gender = await post({ ...aVacancyInput(), gender: 'female' });
    expect(gender.statusCode).toBe(422);
    expect(gender.json()).toMatchObject({ code: 'DISCRIMINATORY_REQUIREMENT', details: { findings: [{ ground: 'gender', field: 'gender' }] } });

    const worded = await post(aVacancyInput({ description: 'Chỉ tuyển nữ, độ tuổi 18-30' }));
    expect(worded.statusCode).toBe(422);
    expect(worded.json<{ detail: string }>().detail).toMatch(/gender, age.*Bộ luật Lao động/);

    const lowWage = await post(aVacancyInput({ wageMinVnd: 2_000_000, wageMaxVnd: 3_000_000 }));
    expect(lowWage.statusCode).toBe(422);
    expect(lowWage.json()).toMatchObject({ code: 'RULES_VIOLATED', details: { violations: [expect.objectContaining({ code: 'WAGE_BELOW_MINIMUM' })] } });

    const unknownPark = await post(aVacancyInput({ industrialParkCode: 'nowhere-park' }));
    expect(unknownPark.json()).toMatchObject({ details: { violations: [expect.objectContaining({ code: 'UNKNOWN_INDUSTRIAL_PARK' })] } });
  });

  it('answers 413 to a body over the limit', async () => {
    const huge = await post({ ...aVacancyInput(), description: 'x'.repeat(service.config.BODY_LIMIT_BYTES) });
    expect(huge.statusCode).toBe(413);
  });

  it('closes with a reason and publishes vacancy.closed', async () => {
    const { vacancyId } = (await post(aVacancyInput({ title: 'Nhân viên kho' }))).json<{ vacancyId: string }>();
    const closed = await service.app.inject({ method: 'POST', url: `/v1/vacancies/${vacancyId}/close`, headers: bearer(token), payload: { reason: 'withdrawn', note: 'kế hoạch thay đổi' } });
    expect(closed.json()).toMatchObject({ status: 'withdrawn', closeReason: 'withdrawn', version: 2 });
    const again = await service.app.inject({ method: 'POST', url: `/v1/vacancies/${vacancyId}/close`, headers: bearer(token), payload: { reason: 'filled' } });
    expect(again.statusCode).toBe(409);

    const topic = await readEvents(service, vacanciesTopic.name);
    await topic.reader.waitForCount(1);
    const mine = () => topic.events().filter((e) => e.subject === vacancyId);
    const events = await waitFor(() => mine().length >= 2 && mine());
    await topic.reader.stop();
    expect(events.map((e) => [e.type, e.data.version])).toEqual([['vacancy.opened', 1], ['vacancy.closed', 2]]);
    expect(events[1]!.data).toMatchObject({ closeReason: 'withdrawn', closeNote: 'kế hoạch thay đổi' });
  });

  it('lists an employer\'s own vacancies a page at a time', async () => {
    const page1 = await service.app.inject({ method: 'GET', url: '/v1/vacancies?limit=2&status=open', headers: bearer(token) });
    const body1 = page1.json<{ items: { vacancyId: string; status: string }[]; nextCursor: string | null }>();
    expect(body1.items).toHaveLength(2);
    expect(body1.items.every((v) => v.status === 'open')).toBe(true);
    const page2 = await service.app.inject({ method: 'GET', url: `/v1/vacancies?limit=2&status=open&cursor=${body1.nextCursor}`, headers: bearer(token) });
    const ids2 = page2.json<{ items: { vacancyId: string }[] }>().items.map((v) => v.vacancyId);
    expect(ids2.some((id) => body1.items.map((v) => v.vacancyId).includes(id))).toBe(false);
  });

  it('filters by occupation, commune and park with the terms packed in the head, and still finds a head written nested', async () => {
    const inPark = (await post(aVacancyInput({ communeCode: '05890', industrialParkCode: 'yen-binh' }))).json<{ vacancyId: string }>().vacancyId;
    const outside = (await post(aVacancyInput())).json<{ vacancyId: string }>().vacancyId;
    const { heads } = service.app.stores.vacancies;
    const stored = await heads.collection.findOne({ _id: inPark as never });
    expect(stored).toMatchObject({ occupationCode: '8212', communeCode: '05890', industrialParkCode: 'yen-binh', stateJson: expect.any(String) });
    expect(stored).not.toHaveProperty('terms');
    // A head as written before terms were packed: terms nested, no top-level copies.
    const { state } = (await service.app.stores.vacancies.get(outside))!;
    const nested = newId('vac', Date.now());
    const { occupationCode: _o, communeCode: _c, industrialParkCode: _p, ...legacyState } = state as typeof state & Record<string, unknown>;
    await heads.collection.insertOne({ ...legacyState, terms: { ...state.terms, communeCode: '05890', industrialParkCode: 'yen-binh' }, _id: nested as never, version: 1, updatedAt: new Date() });

    const ids = async (query: string) =>
      (await service.app.inject({ method: 'GET', url: `/v1/vacancies?limit=100&${query}`, headers: bearer(token) })).json<{ items: { vacancyId: string }[] }>().items.map((v) => v.vacancyId);
    const parkIds = await ids('industrialParkCode=yen-binh&communeCode=05890&occupationCode=8212');
    expect(parkIds).toEqual(expect.arrayContaining([inPark, nested]));
    expect(parkIds).not.toContain(outside);
    const communeIds = await ids('communeCode=05860');
    expect(communeIds).toContain(outside);
    expect(communeIds).not.toContain(inPark);
    expect(communeIds).not.toContain(nested);
    const read = await service.app.inject({ method: 'GET', url: `/v1/vacancies/${nested}`, headers: bearer(token) });
    expect(read.json()).toMatchObject({ vacancyId: nested, terms: { industrialParkCode: 'yen-binh' } });
  });
});
