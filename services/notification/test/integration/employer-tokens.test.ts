import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clock, startService, type TestService } from '../helpers.js';
import { startWebhookReceiver } from '../sinks.js';

const ISSUER = 'urn:ketnoi:vacancy-intake';

/** vacancy-intake's OAuth2 issuer as other services see it: a JWKS endpoint, and tokens with its documented claims. */
async function startEmployerIssuer() {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const publicJwk: JWK = { ...(await exportJWK(publicKey)), kid: 'intake-key-1', alg: 'ES256', use: 'sig' };
  let fetches = 0;
  const server = createServer((request, response) => {
    fetches += 1;
    if (request.url !== '/.well-known/jwks.json') return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [publicJwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const sign = (claims: Record<string, unknown>, { key = privateKey, typ = 'at+jwt', issuer = ISSUER, audience = 'ketnoi', ttl = '15m' as string | number } = {}) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: 'intake-key-1', typ })
      .setSubject(String(claims.client_id ?? 'cli_test'))
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt(Math.floor(Date.now() / 1000) - 120)
      .setExpirationTime(ttl)
      .sign(key as CryptoKey);
  return {
    jwksUrl: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    fetches: () => fetches,
    employerToken: async (employerId: string, options: Parameters<typeof sign>[1] = {}) =>
      `Bearer ${await sign({ roles: ['employer'], employerId, client_id: `cli_${employerId}` }, options)}`,
    sign,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('employer tokens from vacancy-intake\'s OAuth2 issuer, next to the identity provider\'s', () => {
  let service: TestService;
  let intake: Awaited<ReturnType<typeof startEmployerIssuer>>;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

  const call = (method: 'GET' | 'POST' | 'DELETE', url: string, authorization: string, payload?: object) =>
    service.app.inject({ method, url, headers: { authorization }, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    clock.now = null;
    intake = await startEmployerIssuer();
    receiver = await startWebhookReceiver();
    service = await startService({ EMPLOYER_JWKS_URL: intake.jwksUrl, WEBHOOK_ALLOWED_HOSTS: receiver.host });
  });
  afterAll(async () => {
    await service?.close();
    await intake?.close();
    await receiver?.close();
  });

  it('lets an employer manage its own webhook subscriptions with a client-credentials token, and only its own', async () => {
    const first = await intake.employerToken('emp_first1');
    const second = await intake.employerToken('emp_second');
    const created = await call('POST', '/v1/webhooks', first, { url: receiver.url('/first'), events: ['candidate.proposed', 'candidate.hired'] });
    expect(created.statusCode).toBe(201);
    const { subscriptionId } = created.json();
    expect(intake.fetches()).toBeGreaterThanOrEqual(1);

    expect((await call('GET', '/v1/webhooks', first)).json().items).toMatchObject([{ subscriptionId, events: ['candidate.proposed', 'candidate.hired'] }]);
    expect((await call('GET', '/v1/webhooks', second)).json()).toEqual({ items: [] });
    expect((await call('DELETE', `/v1/webhooks/${subscriptionId}`, second)).statusCode).toBe(404);
    expect((await call('GET', '/v1/webhooks/dead-letters', second)).json()).toEqual({ items: [] });

    // The identity provider's tokens still work as before, side by side.
    const devEmployer = (await service.bearer('hr-dev', ['employer'], 'emp_first1')).authorization;
    expect((await call('GET', '/v1/webhooks', devEmployer)).json().items).toHaveLength(1);
    const staff = (await service.bearer('staff-1', ['staff'])).authorization;
    expect((await call('GET', '/v1/webhooks', staff)).statusCode).toBe(403);

    expect((await call('DELETE', `/v1/webhooks/${subscriptionId}`, first)).statusCode).toBe(204);
    expect((await call('GET', '/v1/webhooks', first)).json()).toEqual({ items: [] });
  });

  it('refuses tokens of that issuer signed with another key, expired, of another type or audience, or without an employer', async () => {
    const { privateKey: stranger } = await generateKeyPair('ES256');
    const refused = [
      await intake.employerToken('emp_first1', { key: stranger }),
      await intake.employerToken('emp_first1', { ttl: Math.floor(Date.now() / 1000) - 60 }),
      await intake.employerToken('emp_first1', { typ: 'JWT' }),
      await intake.employerToken('emp_first1', { audience: 'another-audience' }),
      `Bearer ${await intake.sign({ roles: ['employer'], client_id: 'cli_x' })}`,
      `Bearer ${await intake.sign({ roles: ['staff'], employerId: 'emp_first1', client_id: 'cli_x' })}`,
    ];
    for (const [i, token] of refused.entries()) {
      const response = await call('GET', '/v1/webhooks', token);
      expect(response.statusCode, `token ${i}`).toBe(401);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    // Another issuer's name does not reach this check at all: the identity provider's verifier refuses it.
    expect((await call('GET', '/v1/webhooks', await intake.employerToken('emp_first1', { issuer: 'urn:someone-else' }))).statusCode).toBe(401);
  });
});
