import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import FindMyWay from 'find-my-way';
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

/** Which methods each route path answers, to tell "no such method here" (405) from "no such path" (404). */
function routeMethods() {
  const router = FindMyWay();
  const byPath = new Map<string, Set<string>>();
  return {
    add(route: RouteOptions) {
      let methods = byPath.get(route.url);
      if (!methods) {
        methods = new Set();
        byPath.set(route.url, methods);
        router.on('GET', route.url, () => undefined, methods);
      }
      for (const method of [route.method].flat()) methods.add(method);
    },
    allowed: (path: string): Set<string> | undefined => router.find('GET', path)?.store as Set<string> | undefined,
  };
}

function notFoundHandler(allowed: (path: string) => Set<string> | undefined) {
  return (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0] ?? '/';
    const methods = allowed(path);
    if (methods?.size) {
      reply.header('allow', [...methods].sort().join(', '));
      return sendProblem(request, reply, problem(405, 'METHOD_NOT_ALLOWED', `${path} does not answer ${request.method}`));
    }
    return sendProblem(request, reply, problem(404, 'NOT_FOUND', `No route ${request.method} ${path}`));
  };
}

/**
 * Every error and unknown route is answered as `application/problem+json`
 * (RFC 9457); a known path asked with a method it does not answer gets 405
 * with `Allow`.
 */
export const problemPlugin = fp(
  async (app: FastifyInstance) => {
    const routes = routeMethods();
    app.addHook('onRoute', (route) => routes.add(route));
    app.setErrorHandler(handleError);
    app.setNotFoundHandler(notFoundHandler(routes.allowed));
  },
  { name: 'ketnoi-problem', fastify: '5.x' },
);
