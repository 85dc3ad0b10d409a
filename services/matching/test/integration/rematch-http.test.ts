import { vacanciesTopic, workersTopic } from '@ketnoi/contracts';
import { waitFor } from '@ketnoi/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publish, startService, type TestService } from '../helpers.js';
import { aVacancy, aWorker } from '../mothers.js';

describe('POST /v1/rematch', () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startService();
    await publish(service.suffix, vacanciesTopic, [{ type: 'vacancy.opened', subject: 'vacancy-rematch', data: aVacancy({ vacancyId: 'vacancy-rematch' }) }]);
    const workers = [aWorker({ workerId: 'worker-r1' }), aWorker({ workerId: 'worker-r2', experienceYears: 1 })];
    await publish(service.suffix, workersTopic, workers.map((data) => ({ type: 'worker.registered' as const, subject: data.workerId, data })));
    await waitFor(() => service.app.matching.engine.topOfVacancy('vacancy-rematch').length === 2, { what: 'two matches' });
  });

  afterAll(async () => {
    await service?.close();
  });

  it('is for admins only', async () => {
    const response = await service.app.inject({ method: 'POST', url: '/v1/rematch', headers: await service.bearer(['staff']) });
    expect(response.statusCode).toBe(403);
  });

  it('re-scores every open vacancy and announces nothing when nothing changed', async () => {
    const response = await service.app.inject({ method: 'POST', url: '/v1/rematch', headers: await service.bearer(['admin']) });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ vacancies: 1, changed: 0, events: 0 });
  });
});
