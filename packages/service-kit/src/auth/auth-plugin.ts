import { unauthorized } from '@ketnoi/errors';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Principal } from './principal.js';
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
  },
  { name: 'ketnoi-auth', fastify: '5.x' },
);
