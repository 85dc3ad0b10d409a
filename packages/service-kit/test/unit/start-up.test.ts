import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRetryDelay } from '../../src/index.js';
import { answerWhileStarting, type StartingState } from '../../src/app/starting-handler.js';

describe('start-up retries', () => {
  it('doubles from the initial wait and stays at the cap, however many attempts', () => {
    const backoff = { initialMs: 1_000, maxMs: 30_000 };
    expect([1, 2, 3, 4, 5, 6].map((n) => startRetryDelay(n, backoff))).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000]);
    expect(startRetryDelay(10_000, backoff)).toBe(30_000);
  });
});

describe('answers while starting', () => {
  const state: StartingState = { attempt: 3, startedAt: Date.now(), lastFailure: 'MongooseServerSelectionError' };
  let server: Server;
  let url = '';
  beforeAll(async () => {
    server = createServer((req, res) => answerWhileStarting(req, res, state));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('is alive', async () => {
    const response = await fetch(`${url}/health/live`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'live' });
  });

  it('is not ready, and says why as a problem document', async () => {
    const response = await fetch(`${url}/health/ready?verbose=1`);
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const body = (await response.json()) as { code: string; failing: string[]; checks: { startup: { status: string; reason: string } }; detail: string };
    expect(body.code).toBe('NOT_READY');
    expect(body.failing).toEqual(['startup']);
    expect(body.checks.startup).toMatchObject({ status: 'down', reason: 'attempt 3, the last one failed: MongooseServerSelectionError' });
  });

  it('asks every other caller to come back', async () => {
    const response = await fetch(`${url}/v1/anything`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(((await response.json()) as { code: string }).code).toBe('STARTING');
  });
});
