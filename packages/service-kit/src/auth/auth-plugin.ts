import { unauthorized } from '@ketnoi/errors';
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import { BEARER_SCHEME } from '../openapi/openapi-plugin.js';
import type { Principal } from './principal.js';
import { SECURED } from './require-role.js';
import { createTokenVerifier, type VerifyToken } from './token-verifier.js';
import { verificationKey, type KeySource } from './verification-key.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Verifies the request's bearer token and sets `request.principal`. */
    authenticate(request: FastifyRequest): Promise<Principal>;
    verifyToken: VerifyToken;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export interface AuthOptions extends KeySource {
  issuer: string;
  audience: string;
}

function bearerToken(request: FastifyRequest): string {
  const header = request.headers.authorization;
  const match = header === undefined ? null : /^Bearer\s+(\S+)$/i.exec(header);
  if (match?.[1] === undefined) throw unauthorized('A bearer token is required');
  return match[1];
}

const hooksOf = (route: RouteOptions): unknown[] =>
  [route.onRequest, route.preValidation, route.preHandler].flat().filter((hook) => hook !== undefined);

// Routes guarded by requireRole() say so in the OpenAPI document.
function documentSecurity(route: RouteOptions): void {
  const secured = hooksOf(route).some((hook) => typeof hook === 'function' && SECURED in hook);
  if (secured) route.schema = { ...route.schema, security: [{ [BEARER_SCHEME]: [] }] };
}

/** JWT bearer authentication with jose: `app.authenticate`, `request.principal`. */
export const authPlugin = fp(
  async (app: FastifyInstance, { issuer, audience, ...keySource }: AuthOptions) => {
    const key = await verificationKey(keySource);
    if (key === undefined) app.log.warn('no AUTH_JWKS_URL or AUTH_JWT_PUBLIC_KEY: every token will be refused');
    const verifyToken = createTokenVerifier(key, { issuer, audience });

    app.decorate('verifyToken', verifyToken);
    app.decorateRequest('principal', null);
    app.decorate('authenticate', async (request: FastifyRequest) => {
      request.principal ??= await verifyToken(bearerToken(request));
      return request.principal;
    });
    app.addHook('onRoute', documentSecurity);
  },
  { name: 'ketnoi-auth', fastify: '5.x' },
);
