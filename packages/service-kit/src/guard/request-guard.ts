import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { KetNoiError } from '@ketnoi/errors';

export interface RequestGuardLimits {
  /** Deepest nesting of objects and arrays in a JSON body. */
  maxDepth: number;
  /** Most elements in any one array of a JSON body. */
  maxArrayLength: number;
  /** Most members in any one object of a JSON body. */
  maxKeys: number;
}

export const DEFAULT_REQUEST_GUARD: RequestGuardLimits = { maxDepth: 32, maxArrayLength: 10_000, maxKeys: 1_000 };

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Looser limits for one route (e.g. a bulk endpoint). */
    requestGuard?: Partial<RequestGuardLimits>;
  }
}

const refused = (code: string, detail: string) => new KetNoiError(code, detail, { status: 400 });

/** A member name a MongoDB query or update would read as an operator or a path. */
const isOperatorKey = (key: string): boolean => key.startsWith('$') || key.includes('.') || key === '__proto__' || key === 'constructor' || key === 'prototype';

/**
 * Walks a parsed JSON body without recursion (a hostile body may be nested
 * deeper than the stack) and refuses operator keys ($gt, $where), dotted
 * keys and bodies too deep or too wide.
 */
export function checkJsonBody(body: unknown, limits: RequestGuardLimits = DEFAULT_REQUEST_GUARD): void {
  const stack: { value: unknown; depth: number; path: string }[] = [{ value: body, depth: 0, path: '#' }];
  while (stack.length > 0) {
    const { value, depth, path } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth >= limits.maxDepth) throw refused('BODY_TOO_DEEP', `The body is nested deeper than ${limits.maxDepth} levels (at ${path})`);
    if (Array.isArray(value)) {
      if (value.length > limits.maxArrayLength) {
        throw refused('ARRAY_TOO_LONG', `${path} has ${value.length} elements; at most ${limits.maxArrayLength} are accepted`);
      }
      for (let i = 0; i < value.length; i += 1) stack.push({ value: value[i], depth: depth + 1, path: `${path}/${i}` });
      continue;
    }
    const keys = Object.keys(value);
    if (keys.length > limits.maxKeys) throw refused('TOO_MANY_MEMBERS', `${path} has ${keys.length} members; at most ${limits.maxKeys} are accepted`);
    for (const key of keys) {
      if (isOperatorKey(key)) throw refused('OPERATOR_REFUSED', `${path} has a member named "${key.slice(0, 40)}"; names starting with $ or containing a dot are refused`);
      stack.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1, path: `${path}/${key}` });
    }
  }
}

/** Query-string names such as `status[$ne]` or `$where` are refused: no one sends them but an attacker. */
export function checkQuery(query: unknown): void {
  if (query === null || typeof query !== 'object') return;
  for (const key of Object.keys(query)) {
    if (key.includes('$') || key === '__proto__' || key === 'constructor') {
      throw refused('OPERATOR_REFUSED', `The query parameter "${key.slice(0, 40)}" is refused`);
    }
  }
}

/**
 * Before any route validates its input: NoSQL operator injection and
 * hostile shapes (deep nesting, huge arrays) are refused with 400 for every
 * route of every service, whatever its own schema says.
 */
export const requestGuardPlugin = fp(
  async (app: FastifyInstance) => {
    app.addHook('preValidation', async (request: FastifyRequest) => {
      checkQuery(request.query);
      if (request.body !== undefined && !Buffer.isBuffer(request.body) && typeof request.body !== 'string') {
        checkJsonBody(request.body, { ...DEFAULT_REQUEST_GUARD, ...request.routeOptions.config.requestGuard });
      }
    });
  },
  { name: 'ketnoi-request-guard', fastify: '5.x' },
);
