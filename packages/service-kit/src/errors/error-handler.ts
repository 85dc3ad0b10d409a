import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { PROBLEM_CONTENT_TYPE, problem, type Problem } from './problem.js';
import { toProblem } from './to-problem.js';

/** Sends a problem document; serialised here so a route's response schema does not apply. */
export function sendProblem(request: FastifyRequest, reply: FastifyReply, body: Problem): FastifyReply {
  const full: Problem = { ...body, instance: request.url.split('?')[0], requestId: request.id };
  if (full.status === 401) reply.header('www-authenticate', 'Bearer');
  return reply.code(full.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(full));
}

function handleError(this: FastifyInstance, error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const body = toProblem(error);
  if (body.status >= 500) request.log.error({ err: error, code: body.code }, 'request failed');
  else request.log.info({ code: body.code, status: body.status }, 'request rejected');
  return sendProblem(request, reply, body);
}

function handleNotFound(request: FastifyRequest, reply: FastifyReply) {
  const path = request.url.split('?')[0];
  return sendProblem(request, reply, problem(404, 'NOT_FOUND', `No route ${request.method} ${path}`));
}

/** Every error and unknown route is answered as `application/problem+json` (RFC 9457). */
export const problemPlugin = fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler(handleError);
    app.setNotFoundHandler(handleNotFound);
  },
  { name: 'ketnoi-problem', fastify: '5.x' },
);
