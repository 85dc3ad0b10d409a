import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { expectStatus, httpClient, HttpError } from '../../src/stream/http-client.js';
import { runLimited } from '../../src/stream/run-limited.js';

const logger = pino({ level: 'silent' });

/** A scripted server: each call answers the next response (or throws the next error). */
function scripted(answers: (Response | Error)[]) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const next = answers.shift();
    if (!next) throw new Error('no more answers');
    if (next instanceof Error) throw next;
    return next;
  }) as unknown as typeof globalThis.fetch;
  return { fetch, calls };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

describe('httpClient', () => {
  it('sends JSON with the bearer token and header, and retries a rate limit after Retry-After', async () => {
    const server = scripted([json(429, { code: 'RATE_LIMITED' }, { 'retry-after': '1' }), json(201, { vacancyId: 'v-123456' })]);
    const request = httpClient({ baseUrl: 'http://intake.test/', fetch: server.fetch, logger });
    const started = Date.now();
    const answer = await request<{ vacancyId: string }>('POST', '/v1/vacancies', { token: 't0k', body: { a: 1 }, headers: { 'idempotency-key': 'k1' } });
    expect(answer.status).toBe(201);
    expect(answer.body.vacancyId).toBe('v-123456');
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(server.calls).toHaveLength(2);
    expect(server.calls[0]!.url).toBe('http://intake.test/v1/vacancies');
    expect(server.calls[0]!.init.headers).toMatchObject({ authorization: 'Bearer t0k', 'content-type': 'application/json', 'idempotency-key': 'k1' });
    expect(server.calls[0]!.init.body).toBe('{"a":1}');
  });

  it('hands back a 4xx at once, gives up on 5xx after its attempts, and names the request on a network failure', async () => {
    const conflict = scripted([json(409, { code: 'CONFLICT', details: { employerId: 'emp-123456' } })]);
    const answer = await httpClient({ baseUrl: 'http://x', fetch: conflict.fetch, logger })('POST', '/v1/employers', { form: new URLSearchParams({ a: 'b' }) });
    expect(answer.status).toBe(409);
    expect(conflict.calls[0]!.init.headers).toMatchObject({ 'content-type': 'application/x-www-form-urlencoded' });
    expect(() => expectStatus(answer, 'POST', '/v1/employers', 201)).toThrow(HttpError);

    const failing = scripted([json(503, {}), json(503, { code: 'UNAVAILABLE' })]);
    expect((await httpClient({ baseUrl: 'http://x', fetch: failing.fetch, logger, attempts: 2 })('GET', '/v1/vacancies')).status).toBe(503);

    const down = scripted([new TypeError('fetch failed'), new TypeError('fetch failed')]);
    await expect(httpClient({ baseUrl: 'http://x', fetch: down.fetch, logger, attempts: 2 })('GET', '/a')).rejects.toThrow('GET /a: fetch failed');
  });
});

describe('runLimited', () => {
  it('keeps at most `limit` tasks in flight and throws the first error after the running ones end', async () => {
    let inFlight = 0;
    let most = 0;
    const done: number[] = [];
    await runLimited([1, 2, 3, 4, 5, 6], 2, async (n) => {
      most = Math.max(most, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      done.push(n);
      inFlight -= 1;
    });
    expect(most).toBe(2);
    expect(done.sort()).toEqual([1, 2, 3, 4, 5, 6]);
    await expect(runLimited([1, 2, 3], 1, async (n) => {
      if (n === 2) throw new Error('boom');
    })).rejects.toThrow('boom');
  });
});
