import { employersTopic } from '@ketnoi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aVacancyInput } from '../mothers.js';
import { bearer, employerSession, readEvents, registerEmployer, startService, type TestService } from '../helpers.js';

describe('employers', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startService();
  });
  afterAll(() => service?.close());

  it('publishes employer.registered and employer.updated without street or contacts', async () => {
    const employerId = await registerEmployer(service);
    const staff = bearer(await service.staffToken());
    const patch = (ifMatch: string, payload: object) =>
      service.app.inject({ method: 'PATCH', url: `/v1/employers/${employerId}`, headers: { ...staff, 'if-match': ifMatch }, payload });
    const renamed = await patch('"1"', { name: 'Công ty TNHH Minh Long Việt Nam', industrialParkCode: null, address: { communeCode: '05860' } });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ version: 2, name: 'Công ty TNHH Minh Long Việt Nam', address: { communeCode: '05860' } });
    expect(renamed.json()).not.toHaveProperty('industrialParkCode');
    expect((await patch('"1"', { name: 'Stale' })).statusCode).toBe(412);
    expect((await patch('"2"', { fdi: false })).json()).toMatchObject({ code: 'RULES_VIOLATED', details: { violations: [{ code: 'INVESTOR_COUNTRY_UNEXPECTED' }] } });

    const topic = await readEvents(service, employersTopic.name);
    const events = await topic.waitFor(2);
    await topic.reader.stop();
    expect(events.map((e) => [e.type, e.data.version])).toEqual([['employer.registered', 1], ['employer.updated', 2]]);
    const text = JSON.stringify(events);
    for (const personal of ['Nguyễn Thị Lan', '0912345678', 'hr@minhlong.example', 'Lô CN-05']) expect(text).not.toContain(personal);
  });

  it('keeps a suspended employer from posting and from getting tokens', async () => {
    const employerId = await registerEmployer(service);
    const { clientId, clientSecret, token } = await employerSession(service, employerId);
    const staff = bearer(await service.staffToken());
    const suspended = await service.app.inject({ method: 'PATCH', url: `/v1/employers/${employerId}`, headers: { ...staff, 'if-match': '"1"' }, payload: { status: 'suspended' } });
    expect(suspended.json()).toMatchObject({ status: 'suspended' });

    const post = await service.app.inject({ method: 'POST', url: '/v1/vacancies', headers: bearer(token), payload: aVacancyInput() });
    expect(post.statusCode).toBe(409);
    expect(post.json()).toMatchObject({ code: 'EMPLOYER_SUSPENDED' });
    const tokenAnswer = await service.app.inject({ method: 'POST', url: '/oauth/token', payload: { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret } });
    expect(tokenAnswer.statusCode).toBe(401);
  });

  it('documents every route in OpenAPI', async () => {
    const docs = await service.app.inject({ method: 'GET', url: '/docs/json' });
    expect(docs.statusCode).toBe(200);
    const paths = Object.keys(docs.json<{ paths: Record<string, unknown> }>().paths);
    expect(paths).toEqual(expect.arrayContaining(['/oauth/token', '/v1/employers', '/v1/vacancies', '/v1/vacancies/import', '/v1/vacancies/{vacancyId}/hires']));
  });
});
