import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aVacancyInput } from '../mothers.js';
import { bearer, employerSession, registerEmployer, startService, type TestService } from '../helpers.js';

describe('object-level authorisation: employer A and employer B\'s objects', () => {
  let service: TestService;
  let tokenA: string;
  let employerB: string;
  let clientB: string;
  let vacancyB: string;

  beforeAll(async () => {
    service = await startService();
    const employerA = await registerEmployer(service);
    employerB = await registerEmployer(service);
    ({ token: tokenA } = await employerSession(service, employerA));
    const sessionB = await employerSession(service, employerB);
    clientB = sessionB.clientId;
    const created = await service.app.inject({ method: 'POST', url: '/v1/vacancies', headers: bearer(sessionB.token), payload: aVacancyInput() });
    vacancyB = created.json<{ vacancyId: string }>().vacancyId;
  });
  afterAll(() => service?.close());

  const routes = () => [
    { method: 'GET', url: `/v1/employers/${employerB}` },
    { method: 'PATCH', url: `/v1/employers/${employerB}`, payload: { name: 'Taken over' }, headers: { 'if-match': '"1"' } },
    { method: 'GET', url: `/v1/employers/${employerB}/clients` },
    { method: 'POST', url: `/v1/employers/${employerB}/clients`, payload: { label: 'mine now' } },
    { method: 'POST', url: `/v1/employers/${employerB}/clients/${clientB}/rotate` },
    { method: 'DELETE', url: `/v1/employers/${employerB}/clients/${clientB}` },
    { method: 'GET', url: `/v1/vacancies/${vacancyB}` },
    { method: 'PATCH', url: `/v1/vacancies/${vacancyB}`, payload: { positions: 1 }, headers: { 'if-match': '"1"' } },
    { method: 'POST', url: `/v1/vacancies/${vacancyB}/close`, payload: { reason: 'withdrawn' } },
    { method: 'POST', url: `/v1/vacancies/${vacancyB}/hires`, payload: { workerId: 'wrk_000001' } },
    { method: 'POST', url: `/v1/vacancies/${vacancyB}/outcomes`, payload: { workerId: 'wrk_000001', outcome: 'shortlisted' } },
    { method: 'POST', url: '/v1/vacancies', payload: { ...aVacancyInput(), employerId: employerB } },
  ] as const;

  it('gets 404 (or 403 where the role itself is refused) on every route, and changes nothing', async () => {
    const answers: [string, number][] = [];
    for (const route of routes()) {
      const response = await service.app.inject({
        method: route.method,
        url: route.url,
        headers: { ...bearer(tokenA), ...('headers' in route ? route.headers : {}) },
        ...('payload' in route ? { payload: route.payload } : {}),
      });
      answers.push([`${route.method} ${route.url}`, response.statusCode]);
    }
    for (const [route, status] of answers) expect([route, [403, 404].includes(status)]).toEqual([route, true]);

    const staff = bearer(await service.staffToken());
    const vacancy = await service.app.inject({ method: 'GET', url: `/v1/vacancies/${vacancyB}`, headers: staff });
    expect(vacancy.json()).toMatchObject({ version: 1, status: 'open', positionsFilled: 0 });
    const clients = await service.app.inject({ method: 'GET', url: `/v1/employers/${employerB}/clients`, headers: staff });
    expect(clients.json<{ items: { status: string }[] }>().items).toEqual([expect.objectContaining({ clientId: clientB, status: 'active' })]);
  });

  it('lists only the employer\'s own vacancies, whatever employerId it asks for', async () => {
    const list = await service.app.inject({ method: 'GET', url: `/v1/vacancies?employerId=${employerB}`, headers: bearer(tokenA) });
    expect(list.statusCode).toBe(200);
    expect(list.json<{ items: unknown[] }>().items).toEqual([]);
  });
});
