import type { ServiceApp } from '@ketnoi/service-kit';
import type { JWK } from 'jose';
import { z } from 'zod';

/** The public keys of employer tokens, for every service that verifies them. */
export default async function wellKnownRoutes(app: ServiceApp, { publicJwk }: { publicJwk: JWK }) {
  const jwks = { keys: [publicJwk] };
  app.get(
    '/.well-known/jwks.json',
    { schema: { tags: ['oauth'], summary: 'Keys that sign employer access tokens (JWKS)', response: { 200: z.object({ keys: z.array(z.record(z.string(), z.unknown())) }) } } },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return jwks;
    },
  );
}
