import { workerProfile, consents } from '@ketnoi/contracts';
import { KetNoiError } from '@ketnoi/errors';
import { principalOf, requireRole, type ServiceApp } from '@ketnoi/service-kit';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { changeConsents } from '../../use-cases/change-consents.js';
import type { Actor } from '../../use-cases/deps.js';
import { eraseWorker } from '../../use-cases/erase-worker.js';
import { loadWorker } from '../../use-cases/load-worker.js';
import { findByCitizenId, readWorker } from '../../use-cases/read-worker.js';
import { deskRegistrations, registerAtDesk } from '../../use-cases/register-at-desk.js';
import { updateWorker } from '../../use-cases/update-worker.js';
import { idempotencyHeaders, ifMatchHeaders, lookupQuery, patchBody, workerIdParams, workerSummary, workerView } from './schemas.js';
import { etag, toView, versionFromIfMatch } from './view.js';

const actorOf = (request: FastifyRequest): Actor => ({ id: principalOf(request).sub, requestId: request.id });

const preconditionRequired = () =>
  new KetNoiError('PRECONDITION_REQUIRED', 'Send If-Match with the version you are changing (from the ETag)', { status: 428 });

/** Staff HTTP API over workers. */
export async function workerRoutes(app: ServiceApp): Promise<void> {
  const deps = () => app.registration;
  const staff = requireRole('staff', 'admin');
  const registrations = deskRegistrations(deps);

  app.post(
    '/v1/workers',
    {
      onRequest: staff,
      config: { idempotency: { scope: 'register-worker' } },
      schema: {
        summary: 'Register a job seeker (Idempotency-Key: the same key and body get the same answer)',
        tags: ['workers'],
        headers: idempotencyHeaders,
        body: workerProfile,
        response: { 201: workerView },
      },
    },
    async (request, reply) => {
      const { worker, profile } = await registerAtDesk(deps(), registrations, request.body, actorOf(request));
      reply.header('etag', etag(worker.version)).header('location', `/v1/workers/${worker.id}`);
      return reply.code(201).send(toView(worker, profile));
    },
  );

  app.get(
    '/v1/workers/:id',
    { onRequest: staff, schema: { summary: 'Read a worker (audited)', tags: ['workers'], params: workerIdParams, response: { 200: workerView } } },
    async (request, reply) => {
      const loaded = await readWorker(deps(), request.params.id, actorOf(request));
      reply.header('etag', etag(loaded.current.version));
      return toView(loaded.current, loaded.profile);
    },
  );

  app.patch(
    '/v1/workers/:id',
    {
      onRequest: staff,
      schema: {
        summary: 'Change a worker (If-Match: the version you read)',
        tags: ['workers'],
        params: workerIdParams,
        headers: ifMatchHeaders,
        body: patchBody,
        response: { 200: workerView },
      },
    },
    async (request, reply) => {
      const ifMatch = request.headers['if-match'];
      if (!ifMatch) throw preconditionRequired();
      const { worker } = await updateWorker(deps(), request.params.id, versionFromIfMatch(ifMatch), request.body, actorOf(request));
      const { profile } = await loadWorker(deps(), worker.id);
      reply.header('etag', etag(worker.version));
      return toView(worker, profile);
    },
  );

  app.get(
    '/v1/workers',
    {
      onRequest: staff,
      schema: {
        summary: 'Find a worker by citizen-ID (audited)',
        tags: ['workers'],
        querystring: lookupQuery,
        response: { 200: z.object({ items: z.array(workerSummary) }) },
      },
    },
    async (request) => {
      const found = await findByCitizenId(deps(), request.query.cccd, actorOf(request));
      return { items: found.map((w) => ({ workerId: w.id, version: w.version, status: w.state.status })) };
    },
  );

  app.put(
    '/v1/workers/:id/consents',
    {
      onRequest: staff,
      schema: { summary: "Record the worker's consents", tags: ['workers'], params: workerIdParams, body: consents, response: { 200: workerView } },
    },
    async (request, reply) => {
      const { worker } = await changeConsents(deps(), request.params.id, request.body, actorOf(request));
      const { profile } = await loadWorker(deps(), worker.id);
      reply.header('etag', etag(worker.version));
      return toView(worker, profile);
    },
  );

  app.delete(
    '/v1/workers/:id',
    { onRequest: requireRole('admin'), schema: { summary: 'Erase a worker (admin)', tags: ['workers'], params: workerIdParams } },
    async (request, reply) => {
      await eraseWorker(deps(), request.params.id, actorOf(request));
      return reply.code(204).send();
    },
  );
}
