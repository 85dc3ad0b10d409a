import rateLimit from '@fastify/rate-limit';
import { KetNoiError } from '@ketnoi/errors';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

export interface RateLimitOptions {
  /** Requests allowed per client in each window. */
  max: number;
  timeWindowMs: number;
  /** Whose budget a request spends; default: the token's subject (client id), else the caller's address. */
  keyOf?: (request: FastifyRequest) => string;
}

/** The token subject when the request is authenticated (the hook runs after requireRole), else the address. */
export const clientKey = (request: FastifyRequest): string =>
  request.principal ? `sub:${request.principal.sub}` : `ip:${request.ip}`;

const UNLIMITED = /^\/(health\/|metrics|docs)/;

/**
 * Rate limit per client with @fastify/rate-limit (in-memory: per instance):
 * 429 problem+json `RATE_LIMITED` with `Retry-After`. Probes and docs are
 * not limited; a route can set `config: { rateLimit: { max, timeWindow, keyGenerator } }`
 * or `false`. Register it before the routes it covers.
 */
export const rateLimitPlugin = fp(
  async (app: FastifyInstance, options: RateLimitOptions) => {
    await app.register(rateLimit, {
      global: true,
      max: options.max,
      timeWindow: options.timeWindowMs,
      // After authentication, so the key is the client, not a shared proxy address.
      hook: 'preHandler',
      keyGenerator: options.keyOf ?? clientKey,
      allowList: (request) => UNLIMITED.test(request.url),
      errorResponseBuilder: (_request, context) =>
        new KetNoiError('RATE_LIMITED', `Too many requests: at most ${context.max} per ${context.after}; retry later`, {
          status: context.statusCode,
          details: { limit: context.max, retryAfterSeconds: Math.ceil(context.ttl / 1000) },
        }),
    });
  },
  { name: 'ketnoi-rate-limit', fastify: '5.x', dependencies: ['ketnoi-auth'] },
);
