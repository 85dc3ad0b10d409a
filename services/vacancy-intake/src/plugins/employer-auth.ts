import { unauthorized } from '@ketnoi/errors';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { EmployerTokens } from '../auth/employer-tokens.js';

export interface EmployerAuthOptions {
  tokens: EmployerTokens;
  /** How long a client's "still active" answer is trusted, ms. */
  cacheMs?: number;
}

const bearer = (request: FastifyRequest) => /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];

/**
 * Accepts the employer tokens this service issued next to the identity
 * provider's staff tokens: a token with our issuer is verified here with our
 * key (and its client must still be active), and `request.principal` is set
 * before `requireRole` looks; any other token is left to service-kit's check.
 */
export const employerAuthPlugin = fp(
  async (app: FastifyInstance, { tokens, cacheMs = 5_000 }: EmployerAuthOptions) => {
    const active = new Map<string, number>();

    async function clientActive(clientId: string): Promise<boolean> {
      const until = active.get(clientId);
      if (until !== undefined && until > Date.now()) return true;
      const client = await app.stores.clients.get(clientId);
      if (client?.state.status !== 'active') return false;
      if (active.size > 10_000) active.clear();
      active.set(clientId, Date.now() + cacheMs);
      return true;
    }

    app.addHook('onRequest', async (request) => {
      const token = bearer(request);
      if (token === undefined || !tokens.isOurs(token)) return;
      const principal = await tokens.verify(token);
      if (!(await clientActive(principal.sub))) throw unauthorized('The client of this access token has been revoked');
      request.principal = principal;
    });
  },
  { name: 'employer-auth', fastify: '5.x', dependencies: ['ketnoi-auth', 'stores'] },
);
