import { conflict, unavailable } from '@ketnoi/errors';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PROBLEM_CONTENT_TYPE } from '../../src/index.js';
import { buildTestApp, memoryLogger } from '../helpers.js';

async function appWithRoutes(logger = memoryLogger()) {
  const app = await buildTestApp({ logger: logger.logger });
  app.post(
    '/vacancies',
    { schema: { body: z.object({ title: z.string().min(3), openings: z.number().int().positive() }) } },
    async (request) => ({ title: request.body.title }),
  );
  app.get('/vacancies/:id', async () => {
    throw conflict('Vacancy is already closed', { details: { vacancyId: 'v-1' } });
  });
  app.get('/crash', async () => {
    throw new Error('connection string mongodb://admin:hunter2@db leaked');
  });
  app.get('/mongo-down', async () => {
    throw unavailable('mongo at 10.0.0.5 did not answer');
  });
  app.get('/parse', async (request) => z.object({ page: z.coerce.number().int() }).parse(request.query));
  return app;
}

describe('problem+json answers', () => {
  it('maps a KetNoiError to its status and code', async () => {
    const app = await appWithRoutes();
    const response = await app.inject({ method: 'GET', url: '/vacancies/v-1?x=1' });
    expect(response.statusCode).toBe(409);
    expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    expect(response.json()).toMatchObject({
      type: 'urn:ketnoi:problem:conflict',
      title: 'Conflict',
      status: 409,
      code: 'CONFLICT',
      detail: 'Vacancy is already closed',
      instance: '/vacancies/v-1',
      details: { vacancyId: 'v-1' },
    });
    expect(response.json().requestId).toBe(response.headers['x-request-id']);
  });

  it('lists zod validation issues of the body', async () => {
    const app = await appWithRoutes();
    const response = await app.inject({ method: 'POST', url: '/vacancies', payload: { title: 'ok', openings: 0 } });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    const body = response.json();
    expect(body).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    const pointers = body.errors.map((issue: { pointer: string }) => issue.pointer).sort();
    expect(pointers).toEqual(['#/openings', '#/title']);
    expect(body.errors[0]).toMatchObject({ in: 'body' });
  });

  it('answers a ZodError thrown by a handler as a validation failure', async () => {
    const app = await appWithRoutes();
    const response = await app.inject({ method: 'GET', url: '/parse?page=abc' });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([expect.objectContaining({ pointer: '#/page' })]);
  });

  it('hides internals of a 500 but logs them', async () => {
    const log = memoryLogger();
    const app = await appWithRoutes(log);
    const response = await app.inject({ method: 'GET', url: '/crash' });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toMatchObject({ status: 500, code: 'INTERNAL', title: 'Internal Server Error' });
    expect(response.body).not.toContain('hunter2');
    expect(response.body).not.toContain('stack');
    const logged = log.lines().find((line) => line.msg === 'request failed');
    expect(logged?.level).toBe('error');
    expect(JSON.stringify(logged)).toContain('leaked');
  });

  it('keeps the code but not the message of a 5xx KetNoiError', async () => {
    const app = await appWithRoutes();
    const response = await app.inject({ method: 'GET', url: '/mongo-down' });
    expect(response.statusCode).toBe(503);
    expect(response.json().code).toBe('DEPENDENCY_UNAVAILABLE');
    expect(response.body).not.toContain('10.0.0.5');
  });

  it('answers unknown routes and bad JSON as problems', async () => {
    const app = await appWithRoutes();
    const missing = await app.inject({ method: 'GET', url: '/nope?phone=0912345678' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    expect(missing.json()).toMatchObject({ code: 'NOT_FOUND', instance: '/nope' });
    expect(missing.body).not.toContain('0912345678');

    const longId = await app.inject({ method: 'GET', url: `/vacancies/${'x'.repeat(1500)}` });
    expect(longId.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);

    const wrongMethod = await app.inject({ method: 'DELETE', url: '/vacancies?x=1' });
    expect(wrongMethod.statusCode).toBe(405);
    expect(wrongMethod.headers.allow).toBe('POST');
    expect(wrongMethod.json()).toMatchObject({ code: 'METHOD_NOT_ALLOWED', instance: '/vacancies' });

    const badJson = await app.inject({
      method: 'POST',
      url: '/vacancies',
      headers: { 'content-type': 'application/json' },
      payload: '{"title":',
    });
    expect(badJson.statusCode).toBe(400);
    expect(badJson.json().code).toBe('FST_ERR_CTP_INVALID_JSON_BODY');
  });
});
