import { describe, expect, it } from 'vitest';
import { PROBLEM_CONTENT_TYPE } from '../../src/index.js';
import { buildTestApp } from '../helpers.js';

describe('health', () => {
  it('is live while the process runs', async () => {
    const app = await buildTestApp();
    const response = await app.inject({ method: 'GET', url: '/health/live' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'live' });
  });

  it('is ready while every check passes, and names the one that fails', async () => {
    const app = await buildTestApp();
    let kafkaUp = true;
    app.readiness.register('mongo', async () => {});
    app.readiness.register('kafka', async () => {
      if (!kafkaUp) throw Object.assign(new Error('broker 10.1.1.1 refused'), { code: 'ECONNREFUSED' });
    });

    const ready = await app.inject({ method: 'GET', url: '/health/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready', checks: { mongo: { status: 'up' }, kafka: { status: 'up' } } });

    kafkaUp = false;
    const notReady = await app.inject({ method: 'GET', url: '/health/ready' });
    expect(notReady.statusCode).toBe(503);
    expect(notReady.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    expect(notReady.json()).toMatchObject({
      status: 503,
      code: 'NOT_READY',
      detail: 'Not ready: kafka',
      failing: ['kafka'],
      checks: { mongo: { status: 'up' }, kafka: { status: 'down', reason: 'Error (ECONNREFUSED)' } },
    });
    expect(notReady.body).not.toContain('10.1.1.1');
  });

  it('fails a check that does not answer in time', async () => {
    const app = await buildTestApp({ readinessTimeoutMs: 20 });
    app.readiness.register('slow', () => new Promise(() => {}));
    const response = await app.inject({ method: 'GET', url: '/health/ready' });
    expect(response.statusCode).toBe(503);
    expect(response.json().checks.slow).toMatchObject({ status: 'down', reason: 'no answer within 20 ms' });
  });

  it('refuses a second check under the same name', async () => {
    const app = await buildTestApp();
    app.readiness.register('mongo', async () => {});
    expect(() => app.readiness.register('mongo', async () => {})).toThrow(/already registered/);
  });
});
