import type { ServiceApp } from '@ketnoi/service-kit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { EmployerTokens } from '../../auth/employer-tokens.js';
import { authenticateClient } from '../../use-cases/clients.js';
import { tokenError, tokenRequest, tokenResponse } from './schemas.js';

export interface OAuthOptions {
  tokens: EmployerTokens;
  rateLimitMax: number;
  rateLimitWindowMs: number;
}

type Credentials = { clientId: string; secret: string; basic: boolean };

function basicCredentials(header: string | undefined): Credentials | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  // RFC 6749 §2.3.1: both parts are form-urlencoded inside Basic.
  return { clientId: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)), basic: true };
}

const oauthError = (reply: FastifyReply, status: number, error: string, description: string) =>
  reply.code(status).header('cache-control', 'no-store').send({ error, error_description: description });

const clientIdOf = (request: FastifyRequest) => {
  const body = request.body as { client_id?: unknown } | undefined;
  const id = basicCredentials(request.headers.authorization)?.clientId ?? body?.client_id;
  return typeof id === 'string' ? `client:${id.slice(0, 100)}` : `ip:${request.ip}`;
};

export default async function oauthRoutes(app: ServiceApp, options: OAuthOptions) {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 8 * 1024 }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });

  app.post(
    '/oauth/token',
    {
      schema: {
        tags: ['oauth'],
        summary: 'Client credentials grant: a short-lived employer access token (RFC 6749 §4.4)',
        body: tokenRequest,
        response: { 200: tokenResponse, 400: tokenError, 401: tokenError },
      },
      config: { rateLimit: { max: options.rateLimitMax, timeWindow: options.rateLimitWindowMs, keyGenerator: clientIdOf } },
      // A malformed token request is answered as RFC 6749 §5.2 says, not as problem+json.
      attachValidation: true,
    },
    async (request, reply) => {
      if (request.validationError) {
        return oauthError(reply, 400, 'invalid_request', 'The token request is malformed: send grant_type, and client_id with client_secret or HTTP Basic');
      }
      if (request.body.grant_type !== 'client_credentials') {
        return oauthError(reply, 400, 'unsupported_grant_type', 'Only client_credentials is supported');
      }
      const basic = basicCredentials(request.headers.authorization);
      const { client_id: clientId, client_secret: secret } = request.body;
      const credentials = basic ?? (clientId && secret ? { clientId, secret, basic: false } : undefined);
      if (!credentials) return oauthError(reply, 401, 'invalid_client', 'Client authentication is required');
      const client = await authenticateClient(app.intake, credentials.clientId, credentials.secret);
      const employer = client && (await app.stores.employers.get(client.state.employerId));
      if (!client || employer?.state.status !== 'active') {
        request.log.info({ basic: credentials.basic }, 'client authentication failed');
        if (credentials.basic) reply.header('www-authenticate', 'Basic realm="ketnoi"');
        return oauthError(reply, 401, 'invalid_client', 'Unknown client, wrong secret, or the client or its employer is not active');
      }
      const { token, expiresIn } = await options.tokens.issue(client.id, client.state.employerId);
      request.log.info({ clientId: client.id, employerId: client.state.employerId }, 'access token issued');
      reply.header('cache-control', 'no-store').header('pragma', 'no-cache');
      return { access_token: token, token_type: 'Bearer' as const, expires_in: expiresIn };
    },
  );
}
