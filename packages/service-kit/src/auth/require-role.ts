import { forbidden } from '@ketnoi/errors';
import type { FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { BEARER_SCHEME } from '../openapi/bearer-scheme.js';
import type { Principal, Role } from './principal.js';

/** Marks hooks made by `requireRole`, so the route is documented as secured. */
export const SECURED = Symbol.for('ketnoi.service-kit.secured');

/** The roles a `requireRole` hook lets in (empty: any valid token). */
const ROLES = Symbol.for('ketnoi.service-kit.roles');

type SecuredHook = onRequestAsyncHookHandler & { [SECURED]: true; [ROLES]: readonly Role[] };

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
  return Object.assign(hook, { [SECURED]: true as const, [ROLES]: allowed });
}

const hooksOf = (route: { onRequest?: unknown; preValidation?: unknown; preHandler?: unknown }): unknown[] =>
  [route.onRequest, route.preValidation, route.preHandler].flat().filter((hook) => hook !== undefined);

/** Whether a route is guarded by `requireRole` (and so needs a bearer token). */
export const isSecuredRoute = (route: { onRequest?: unknown; preValidation?: unknown; preHandler?: unknown }): boolean =>
  hooksOf(route).some((hook) => typeof hook === 'function' && SECURED in hook);

/**
 * An onRoute hook: routes guarded by requireRole() say so in the OpenAPI
 * document. It must see the route before OpenTelemetry's instrumentation
 * wraps the route's hooks (and hides the mark): add it first.
 */
export function documentSecurity(route: { schema?: object; onRequest?: unknown; preValidation?: unknown; preHandler?: unknown }): void {
  const guards = hooksOf(route).filter((hook): hook is SecuredHook => typeof hook === 'function' && SECURED in hook);
  if (guards.length === 0) return;
  // Every guard must pass: the roles that pass them all (none listed: any valid token).
  const lists = guards.map((guard) => guard[ROLES]).filter((roles) => roles.length > 0);
  const roles = lists.length === 0 ? [] : lists.reduce((common, list) => common.filter((role) => list.includes(role)));
  route.schema = { ...route.schema, security: [{ [BEARER_SCHEME]: [] }], 'x-ketnoi-roles': roles };
}

/** The principal of a request that passed `requireRole`; throws if there is none. */
export function principalOf(request: FastifyRequest): Principal {
  if (request.principal === null) throw new Error('principalOf() on a route without requireRole()');
  return request.principal;
}
