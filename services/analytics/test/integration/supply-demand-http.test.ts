import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService, type TestService } from '../helpers.js';
import { aVacancy, aWorker } from '../mothers.js';

describe('GET /v1/supply-demand', () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startService();
    await service.app.analytics.projections.applyWorker(aWorker({ workerId: 'http-worker-1' }));
    await service.app.analytics.projections.applyVacancy(aVacancy({ vacancyId: 'http-vacancy-1' }));
  });

  afterAll(async () => {
    await service?.close();
  });

  it('answers analysts and admins with JSON cells', async () => {
    for (const role of ['analyst', 'admin'] as const) {
      const response = await service.app.inject({ method: 'GET', url: '/v1/supply-demand', headers: await service.bearer([role]) });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        level: 'province',
        occupationLevel: 'major',
        items: [{ area: { level: 'province', code: '19' }, occupation: { level: 'major', code: '7' }, jobSeekers: 1, openPositions: 5, supplyDemandRatio: 0.2 }],
      });
    }
  });

  it('refuses callers without a token (401) or without the role (403)', async () => {
    expect((await service.app.inject({ method: 'GET', url: '/v1/supply-demand' })).statusCode).toBe(401);
    const staff = await service.app.inject({ method: 'GET', url: '/v1/supply-demand', headers: await service.bearer(['staff']) });
    expect(staff.statusCode).toBe(403);
  });

  it('answers CSV with Vietnamese headers for Accept: text/csv or format=csv', async () => {
    const byAccept = await service.app.inject({
      method: 'GET',
      url: '/v1/supply-demand?level=commune',
      headers: { ...(await service.bearer()), accept: 'text/csv' },
    });
    const byQuery = await service.app.inject({ method: 'GET', url: '/v1/supply-demand?level=commune&format=csv', headers: await service.bearer() });
    for (const response of [byAccept, byQuery]) {
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/csv/);
      const lines = response.body.replace(/^\uFEFF/, '').trim().split('\n');
      expect(lines[0]).toContain('Người tìm việc');
      // level, area, ISCO level and code, six empty dimensions, seekers, positions, ratio, index, then the flows of all time.
      expect(lines.slice(1)).toEqual(['commune,05443,major,7,,,,,,,1,5,0.2000,0.6667,1,0,0,0,1,5,0,0,0,0,']);
    }
  });

  it('answers problem+json for a bad query', async () => {
    const response = await service.app.inject({ method: 'GET', url: '/v1/supply-demand?level=district', headers: await service.bearer() });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('documents every endpoint in its OpenAPI document', async () => {
    const docs = await service.app.inject({ method: 'GET', url: '/docs/json' });
    expect(docs.statusCode).toBe(200);
    const paths = Object.keys(docs.json<{ paths: Record<string, unknown> }>().paths);
    for (const path of ['/v1/supply-demand', '/v1/kpis', '/v1/reference/labour-force', '/v1/forecasts', '/v1/exposure', '/v1/training-needs', '/v1/activity']) {
      expect(paths).toContain(path);
    }
  });

  it('answers 400 problem+json for an unknown dimension or a bad period', async () => {
    for (const query of ['groupBy=colour', 'period=2026-Q5', 'ageBand=teen']) {
      const response = await service.app.inject({ method: 'GET', url: `/v1/supply-demand?${query}`, headers: await service.bearer() });
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  });
});
