import { beforeAll, describe, expect, it } from 'vitest';
import { createDevIssuer, principalOf, requireRole, type DevIssuer } from '../../src/index.js';
import { PROBLEM_CONTENT_TYPE } from '../../src/index.js';
import { buildTestApp, testConfig } from '../helpers.js';

let issuer: DevIssuer;
let impostor: DevIssuer;

beforeAll(async () => {
  issuer = await createDevIssuer();
  impostor = await createDevIssuer(); // same issuer and audience, another key
});

async function appWithKey(publicKey: string) {
  const app = await buildTestApp({ config: testConfig({ AUTH_JWT_PUBLIC_KEY: publicKey }) });
  app.get('/desk', { onRequest: requireRole('staff') }, async (request) => principalOf(request));
  app.get('/admin', { preHandler: requireRole('admin') }, async () => ({ ok: true }));
  return app;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('JWT auth', () => {
  it('lets a staff token in and gives the principal', async () => {
    const app = await appWithKey(issuer.publicKeyPem);
    const token = await issuer.issue({ sub: 'staff-7', roles: ['staff'] });
    const response = await app.inject({ method: 'GET', url: '/desk', headers: bearer(token) });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ sub: 'staff-7', roles: ['staff'] });
  });

  it('accepts the key as a JWK too', async () => {
    const app = await appWithKey(JSON.stringify(issuer.publicJwk));
    const token = await issuer.issue({ sub: 'staff-7', roles: ['staff'] });
    expect((await app.inject({ method: 'GET', url: '/desk', headers: bearer(token) })).statusCode).toBe(200);
  });

  it('is 403 when the role is missing', async () => {
    const app = await appWithKey(issuer.publicKeyPem);
    const token = await issuer.issue({ sub: 'staff-7', roles: ['staff'] });
    const response = await app.inject({ method: 'GET', url: '/admin', headers: bearer(token) });
    expect(response.statusCode).toBe(403);
    expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    expect(response.json()).toMatchObject({ code: 'FORBIDDEN', status: 403 });
  });

  it('is 401 without a token', async () => {
    const app = await appWithKey(issuer.publicKeyPem);
    const response = await app.inject({ method: 'GET', url: '/desk' });
    expect(response.statusCode).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer');
    expect(response.json()).toMatchObject({ code: 'UNAUTHORIZED', detail: 'A bearer token is required' });
  });

  it('is 401 for a token signed by another key', async () => {
    const app = await appWithKey(issuer.publicKeyPem);
    const forged = await impostor.issue({ sub: 'staff-7', roles: ['admin'] });
    const response = await app.inject({ method: 'GET', url: '/admin', headers: bearer(forged) });
    expect(response.statusCode).toBe(401);
    expect(response.json().detail).toBe('The access token is not valid');
  });

  it('is 401 for an expired token', async () => {
    const app = await appWithKey(issuer.publicKeyPem);
    const expired = await issuer.issue({ sub: 'staff-7', roles: ['staff'] }, -60);
    const response = await app.inject({ method: 'GET', url: '/desk', headers: bearer(expired) });
    expect(response.statusCode).toBe(401);
    expect(response.json().detail).toBe('The access token has expired');
  });

  it('is 401 for another audience or for unknown roles', async () => {
    const app = await appWithKey(issuer.publicKeyPem);
    const elsewhere = await createDevIssuer({ audience: 'another-system' });
    const wrongAudience = await elsewhere.issue({ sub: 's', roles: ['staff'] });
    const wrongApp = await appWithKey(elsewhere.publicKeyPem);
    expect((await wrongApp.inject({ method: 'GET', url: '/desk', headers: bearer(wrongAudience) })).statusCode).toBe(401);

    const oddRoles = await issuer.issue({ sub: 's', roles: ['superuser' as 'staff'] });
    expect((await app.inject({ method: 'GET', url: '/desk', headers: bearer(oddRoles) })).statusCode).toBe(401);
  });

  it('refuses every token when no key is configured', async () => {
    const app = await buildTestApp();
    app.get('/desk', { onRequest: requireRole('staff') }, async () => ({ ok: true }));
    const token = await issuer.issue({ sub: 'staff-7', roles: ['staff'] });
    const response = await app.inject({ method: 'GET', url: '/desk', headers: bearer(token) });
    expect(response.statusCode).toBe(500);
    expect(response.json().code).toBe('AUTH_NOT_CONFIGURED');
  });
});
