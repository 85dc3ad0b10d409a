import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { requireRole } from '../../src/index.js';
import { buildTestApp } from '../helpers.js';

describe('OpenAPI', () => {
  it('documents routes from their zod schemas at /docs/json', async () => {
    const app = await buildTestApp();
    app.post(
      '/vacancies',
      {
        onRequest: requireRole('employer'),
        schema: {
          summary: 'Open a vacancy',
          body: z.object({ title: z.string().min(3), openings: z.number().int().positive() }),
          response: { 201: z.object({ vacancyId: z.string() }) },
        },
      },
      async (_request, reply) => reply.code(201).send({ vacancyId: 'v-1' }),
    );

    const response = await app.inject({ method: 'GET', url: '/docs/json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toEqual({ title: 'test-service', version: '0.1.0' });
    expect(doc.components.securitySchemes.bearerAuth).toEqual({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });

    const operation = doc.paths['/vacancies'].post;
    expect(operation.summary).toBe('Open a vacancy');
    expect(operation.security).toEqual([{ bearerAuth: [] }]);
    expect(operation['x-ketnoi-roles']).toEqual(['employer']);
    const body = operation.requestBody.content['application/json'].schema;
    expect(body.required).toEqual(['title', 'openings']);
    expect(body.properties.title).toMatchObject({ type: 'string', minLength: 3 });
    expect(operation.responses['201'].content['application/json'].schema.properties.vacancyId.type).toBe('string');
    expect(Object.keys(doc.paths)).not.toContain('/metrics');
  });

  it('documents the problem+json errors of every operation, and 401/403 where a token is needed', async () => {
    const app = await buildTestApp();
    app.get('/open', { schema: { response: { 200: z.object({ ok: z.boolean() }) } } }, async () => ({ ok: true }));
    app.get('/closed', { onRequest: requireRole('staff'), schema: { response: { 200: z.object({ ok: z.boolean() }) } } }, async () => ({ ok: true }));

    const doc = (await app.inject({ method: 'GET', url: '/docs/json' })).json();
    const problemOf = (response: { content: Record<string, { schema: unknown }> }) => response.content['application/problem+json']?.schema;
    expect(doc.components.schemas.Problem.required).toEqual(['type', 'title', 'status', 'detail', 'code']);
    expect(Object.keys(doc.paths['/open'].get.responses).sort()).toEqual(['200', 'default']);
    expect(Object.keys(doc.paths['/closed'].get.responses).sort()).toEqual(['200', '401', '403', 'default']);
    expect(problemOf(doc.paths['/closed'].get.responses['401'])).toEqual({ $ref: '#/components/schemas/Problem' });
    expect(problemOf(doc.paths['/open'].get.responses.default)).toEqual({ $ref: '#/components/schemas/Problem' });
  });

  it('serves Swagger UI at /docs', async () => {
    const app = await buildTestApp();
    const response = await app.inject({ method: 'GET', url: '/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
  });
});
