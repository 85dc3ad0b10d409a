import { createLocalJWKSet, decodeJwt, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, employerSession, registerEmployer, startService, type TestService } from '../helpers.js';

describe('employer clients and the token flow', () => {
  let service: TestService;
  let employerId: string;

  beforeAll(async () => {
    service = await startService({}, { clientCacheMs: 0 });
    employerId = await registerEmployer(service);
  });
  afterAll(() => service?.close());

  it('issues a client secret once, trades it for a short-lived employer token verifiable through the JWKS', async () => {
    const { clientId, clientSecret, token } = await employerSession(service, employerId);
    expect(clientSecret).toMatch(/^kns_/);

    const claims = decodeJwt(token);
    expect(claims).toMatchObject({ iss: service.config.TOKEN_ISSUER, aud: 'ketnoi', sub: clientId, roles: ['employer'], employerId });
    expect(claims.exp! - claims.iat!).toBe(service.config.TOKEN_TTL_SECONDS);

    const jwks = (await service.app.inject({ method: 'GET', url: '/.well-known/jwks.json' })).json<{ keys: [] }>();
    await expect(jwtVerify(token, createLocalJWKSet(jwks), { issuer: service.config.TOKEN_ISSUER, audience: 'ketnoi' })).resolves.toBeDefined();

    const own = await service.app.inject({ method: 'GET', url: `/v1/employers/${employerId}`, headers: bearer(token) });
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ employerId, fdi: true });

    const listed = await service.app.inject({ method: 'GET', url: `/v1/employers/${employerId}/clients`, headers: bearer(token) });
    expect(listed.json<{ items: Record<string, unknown>[] }>().items).toEqual([expect.objectContaining({ clientId, status: 'active' })]);
    expect(listed.body).not.toContain('secret');
  });

  it('accepts HTTP Basic client authentication and refuses a wrong secret or grant', async () => {
    const { clientId, clientSecret } = await employerSession(service, employerId);
    const basic = (secret: string) => `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`;
    const ok = await service.app.inject({ method: 'POST', url: '/oauth/token', headers: { authorization: basic(clientSecret) }, payload: { grant_type: 'client_credentials' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['cache-control']).toBe('no-store');

    const wrong = await service.app.inject({ method: 'POST', url: '/oauth/token', headers: { authorization: basic('kns_wrong') }, payload: { grant_type: 'client_credentials' } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ error: 'invalid_client' });
    expect(wrong.headers['www-authenticate']).toMatch(/^Basic/);

    const grant = await service.app.inject({ method: 'POST', url: '/oauth/token', payload: { grant_type: 'password', client_id: clientId, client_secret: clientSecret } });
    expect(grant.json()).toMatchObject({ error: 'unsupported_grant_type' });

    const malformed = await service.app.inject({ method: 'POST', url: '/oauth/token', headers: { 'content-type': 'application/json' }, payload: 'null' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.headers['content-type']).toMatch(/^application\/json/);
    expect(malformed.json()).toMatchObject({ error: 'invalid_request' });
  });

  it('rotates a secret (the old one stops working) and revokes a client (its tokens too)', async () => {
    const session = await employerSession(service, employerId);
    const staff = bearer(await service.staffToken());
    const rotated = await service.app.inject({ method: 'POST', url: `/v1/employers/${employerId}/clients/${session.clientId}/rotate`, headers: staff });
    expect(rotated.statusCode).toBe(200);
    const fresh = rotated.json<{ clientSecret: string }>().clientSecret;
    expect(fresh).not.toBe(session.clientSecret);

    const token = (secret: string) =>
      service.app.inject({ method: 'POST', url: '/oauth/token', payload: { grant_type: 'client_credentials', client_id: session.clientId, client_secret: secret } });
    expect((await token(session.clientSecret)).statusCode).toBe(401);
    expect((await token(fresh)).statusCode).toBe(200);

    const revoked = await service.app.inject({ method: 'DELETE', url: `/v1/employers/${employerId}/clients/${session.clientId}`, headers: bearer(session.token) });
    expect(revoked.statusCode).toBe(204);
    expect((await token(fresh)).statusCode).toBe(401);
    const after = await service.app.inject({ method: 'GET', url: `/v1/employers/${employerId}`, headers: bearer(session.token) });
    expect(after.statusCode).toBe(401);
  });

  it('refuses staff-only routes to an employer token, and bad tokens', async () => {
    const { token } = await employerSession(service, employerId);
    const register = await service.app.inject({ method: 'POST', url: '/v1/employers', headers: bearer(token), payload: {} });
    expect(register.statusCode).toBe(403);
    const forged = token.slice(0, -4) + (token.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect((await service.app.inject({ method: 'GET', url: `/v1/employers/${employerId}`, headers: bearer(forged) })).statusCode).toBe(401);
    const expiredStaff = await service.issuer.issue({ sub: 's', roles: ['staff'] }, -10);
    expect((await service.app.inject({ method: 'GET', url: `/v1/employers/${employerId}`, headers: bearer(expiredStaff) })).statusCode).toBe(401);
  });

  it('refuses a second employer with the same tax code and an invalid check digit', async () => {
    const staff = bearer(await service.staffToken());
    const existing = (await service.app.inject({ method: 'GET', url: `/v1/employers/${employerId}`, headers: staff })).json<{ taxCode: string }>();
    const again = await service.app.inject({
      method: 'POST',
      url: '/v1/employers',
      headers: staff,
      payload: { taxCode: existing.taxCode, name: 'Other', vsicSector: 'C26', fdi: false, address: { communeCode: '05860' } },
    });
    expect(again.statusCode).toBe(409);
    const invalid = await service.app.inject({
      method: 'POST',
      url: '/v1/employers',
      headers: staff,
      payload: { taxCode: '0100109107', name: 'Other', vsicSector: 'C26', fdi: false, address: { communeCode: '05860' } },
    });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json()).toMatchObject({ code: 'RULES_VIOLATED', details: { violations: [expect.objectContaining({ code: 'TAX_CODE_INVALID' })] } });
  });
});
