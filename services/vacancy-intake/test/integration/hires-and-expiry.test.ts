import { placementsTopic, vacanciesTopic } from '@ketnoi/contracts';
import { waitFor } from '@ketnoi/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, vietnamDate } from '../../src/domain/vietnam-time.js';
import { aVacancyInput } from '../mothers.js';
import { bearer, employerSession, readEvents, registerEmployer, startService, type TestService } from '../helpers.js';

describe('hires, outcomes and expiry', () => {
  let service: TestService;
  let token: string;
  let clock = new Date();

  beforeAll(async () => {
    service = await startService({}, { now: () => clock });
    ({ token } = await employerSession(service, await registerEmployer(service)));
  });
  afterAll(() => service?.close());

  const open = async (overrides = {}) =>
    (await service.app.inject({ method: 'POST', url: '/v1/vacancies', headers: bearer(token), payload: aVacancyInput(overrides) })).json<{ vacancyId: string }>().vacancyId;

  it('closes a vacancy as filled on the hire of its last position and publishes the placements', async () => {
    const vacancyId = await open({ positions: 2, title: 'Công nhân đóng gói' });
    const hire = (workerId: string) =>
      service.app.inject({ method: 'POST', url: `/v1/vacancies/${vacancyId}/hires`, headers: bearer(token), payload: { workerId, wageVnd: 8_000_000 } });
    expect((await hire('wrk_000001')).json()).toMatchObject({ vacancy: { status: 'open', positionsFilled: 1 } });
    expect((await hire('wrk_000001')).statusCode).toBe(409);
    const last = await hire('wrk_000002');
    expect(last.statusCode).toBe(201);
    expect(last.json()).toMatchObject({ vacancy: { status: 'filled', closeReason: 'filled', positionsFilled: 2, version: 3 } });
    expect((await hire('wrk_000003')).json()).toMatchObject({ code: 'VACANCY_CLOSED' });

    const placements = await readEvents(service, placementsTopic.name);
    const vacancies = await readEvents(service, vacanciesTopic.name);
    const hires = (await placements.waitFor(2)).filter((e) => e.subject === vacancyId);
    expect(hires.map((e) => [e.type, e.data.workerId])).toEqual([['placement.recorded', 'wrk_000001'], ['placement.recorded', 'wrk_000002']]);
    const mine = () => vacancies.events().filter((e) => e.subject === vacancyId);
    const lifecycle = await waitFor(() => mine().length >= 3 && mine());
    expect(lifecycle.map((e) => [e.type, e.data.version])).toEqual([['vacancy.opened', 1], ['vacancy.updated', 2], ['vacancy.closed', 3]]);
    expect(lifecycle[2]!.data).toMatchObject({ closeReason: 'filled', positionsFilled: 2 });
    await Promise.all([placements.reader.stop(), vacancies.reader.stop()]);
  });

  it('records candidate outcomes, a retried one once, and publishes them', async () => {
    const vacancyId = await open({ title: 'Thợ tiện CNC', occupationCode: '7223' });
    const outcome = (payload: object) => service.app.inject({ method: 'POST', url: `/v1/vacancies/${vacancyId}/outcomes`, headers: bearer(token), payload });
    expect((await outcome({ workerId: 'wrk_000010', outcome: 'shortlisted' })).statusCode).toBe(201);
    expect((await outcome({ workerId: 'wrk_000010', outcome: 'shortlisted' })).statusCode).toBe(200);
    expect((await outcome({ workerId: 'wrk_000010', outcome: 'rejected' })).statusCode).toBe(400);
    const rejected = await outcome({ workerId: 'wrk_000010', outcome: 'rejected', rejectionReason: 'language' });
    expect(rejected.json()).toMatchObject({ version: 2, outcomes: [{ outcome: 'shortlisted' }, { outcome: 'rejected', rejectionReason: 'language' }] });

    const placements = await readEvents(service, placementsTopic.name);
    const mine = () => placements.events().filter((e) => e.subject === vacancyId);
    const events = await waitFor(() => mine().length >= 2 && mine());
    await placements.reader.stop();
    expect(events.map((e) => [e.type, e.data.outcome, e.data.version])).toEqual([
      ['placement.outcome-recorded', 'shortlisted', 1],
      ['placement.outcome-recorded', 'rejected', 2],
    ]);
  });

  it('expires a vacancy once its deadline day has ended and publishes vacancy.expired', async () => {
    const today = vietnamDate(clock);
    const vacancyId = await open({ deadline: today, startDate: undefined, title: 'Lái xe nâng' });
    expect(await service.app.expireDue()).toBe(0);

    clock = new Date(Date.parse(`${addDays(today, 1)}T00:00:00+07:00`));
    expect(await service.app.expireDue()).toBeGreaterThanOrEqual(1);
    const read = await service.app.inject({ method: 'GET', url: `/v1/vacancies/${vacancyId}`, headers: bearer(token) });
    expect(read.json()).toMatchObject({ status: 'expired', closeReason: 'expired', version: 2 });

    const vacancies = await readEvents(service, vacanciesTopic.name);
    const mine = () => vacancies.events().filter((e) => e.subject === vacancyId);
    const events = await waitFor(() => mine().length >= 2 && mine());
    await vacancies.reader.stop();
    expect(events[1]).toMatchObject({ type: 'vacancy.expired', data: { closeReason: 'expired', status: 'expired', version: 2 } });
  });
});
