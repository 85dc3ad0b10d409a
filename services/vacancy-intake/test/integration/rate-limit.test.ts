import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, employerSession, registerEmployer, startService, type TestService } from '../helpers.js';

describe('rate limit per client', () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startService({ RATE_LIMIT_MAX: '3', RATE_LIMIT_WINDOW_MS: '60000', TOKEN_RATE_LIMIT_MAX: '2' });
  });
  afterAll(() => service?.close());

  it('answers 429 problem+json with Retry-After once a client spends its budget; other clients go on', async () => {
    const employerId = await registerEmployer(service);
    const a = await employerSession(service, employerId);
    const b = await employerSession(service, employerId);
    const read = (token: string) => service.app.inject({ method: 'GET', url: `/v1/employers/${employerId}`, headers: bearer(token) });

    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await read(a.token)).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await read(a.token);
    expect(limited.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(limited.json()).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);

    expect((await read(b.token)).statusCode).toBe(200);
    expect((await service.app.inject({ method: 'GET', url: '/health/live' })).statusCode).toBe(200);
  });

  it('limits token requests per client id', async () => {
    const employerId = await registerEmployer(service);
    const { clientId } = await employerSession(service, employerId); // one token request already
    const attempt = () => service.app.inject({ method: 'POST', url: '/oauth/token', payload: { grant_type: 'client_credentials', client_id: clientId, client_secret: 'kns_guess' } });
    expect((await attempt()).statusCode).toBe(401);
    expect((await attempt()).statusCode).toBe(429);
  });
});
