import { forbidden } from '@ketnoi/errors';
import type { FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import type { Principal, Role } from './principal.js';

/** Marks hooks made by `requireRole`, so the route is documented as secured. */
export const SECURED = Symbol.for('ketnoi.service-kit.secured');

type SecuredHook = onRequestAsyncHookHandler & { [SECURED]: true };

/**
 * A route hook that authenticates the bearer token and lets the request in
 * when the principal has ANY of `allowed` (no roles: any valid token). Use as
 * `{ onRequest: requireRole('staff') }` or as a preHandler. Roles do not
 * imply each other: list `'admin'` where admins are meant.
 */
export function requireRole(...allowed: Role[]): SecuredHook {
  const hook = async function (request: FastifyRequest) {
    const principal = await request.server.authenticate(request);
    if (allowed.length > 0 && !allowed.some((role) => principal.roles.includes(role))) {
      throw forbidden(`Requires one of the roles: ${allowed.join(', ')}`);
    }
  };
  return Object.assign(hook, { [SECURED]: true as const });
}

/** The principal of a request that passed `requireRole`; throws if there is none. */
export function principalOf(request: FastifyRequest): Principal {
  if (request.principal === null) throw new Error('principalOf() on a route without requireRole()');
  return request.principal;
}
