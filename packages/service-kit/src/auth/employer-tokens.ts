import { KetNoiError, unauthorized, unavailable } from '@ketnoi/errors';
import type { Principal } from './principal.js';
import { rememberVerified } from './verified-tokens.js';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { createRemoteJWKSet, decodeJwt, errors, jwtVerify } from 'jose';

export interface EmployerAuthOptions {
  /** `iss` of vacancy-intake's employer tokens. */
  issuer: string;
  audience: string;
  /** vacancy-intake's JWKS; undefined: tokens of this issuer are refused. */
  jwksUrl?: string | undefined;
}

const bearer = (request: FastifyRequest) => /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];

function issuerOf(token: string): string | undefined {
  try {
    return decodeJwt(token).iss;
  } catch {
    return undefined;
  }
}

/**
 * For every service but vacancy-intake (which checks its own tokens and
 * their revocation): accepts the employer access tokens of vacancy-intake's OAuth2 issuer
 * (client credentials; ES256 `at+jwt` with `roles: ["employer"]` and
 * `employerId`) next to the identity provider's tokens: a token naming that
 * issuer is verified here against its JWKS and sets `request.principal`
 * before `requireRole` looks; any other token is left to service-kit.
 * A revoked client's token lives out its short TTL here (vacancy-intake
 * checks revocation on its own routes only).
 */
export const employerTokensPlugin = fp(
  async (app: FastifyInstance, options: EmployerAuthOptions) => {
    const keys = options.jwksUrl ? createRemoteJWKSet(new URL(options.jwksUrl), { timeoutDuration: 3_000 }) : undefined;
    if (!keys) app.log.warn({ issuer: options.issuer }, 'no EMPLOYER_JWKS_URL: employer tokens of vacancy-intake are refused');

    const verify = rememberVerified(async (token: string): Promise<Principal> => {
      if (!keys) throw unauthorized('Employer tokens are not accepted here');
      try {
        const { payload } = await jwtVerify(token, keys, {
          issuer: options.issuer,
          audience: options.audience,
          algorithms: ['ES256'],
          typ: 'at+jwt',
          requiredClaims: ['sub', 'exp', 'employerId'],
        });
        const roles = payload.roles;
        if (typeof payload.sub !== 'string' || typeof payload.employerId !== 'string' || !Array.isArray(roles) || !roles.includes('employer')) {
          throw unauthorized('The access token does not carry valid employer claims');
        }
        return { sub: payload.sub, roles: ['employer'], employerId: payload.employerId };
      } catch (error) {
        if (error instanceof KetNoiError) throw error;
        if (error instanceof errors.JWTExpired) throw unauthorized('The access token has expired');
        // The key set could not be fetched: the token may be fine, try again later.
        if (error instanceof errors.JWKSTimeout || !(error instanceof errors.JOSEError)) throw unavailable('The employer token issuer did not answer', { cause: error });
        throw unauthorized('The access token is not valid');
      }
    });

    app.addHook('onRequest', async (request) => {
      const token = bearer(request);
      if (token === undefined || issuerOf(token) !== options.issuer) return;
      request.principal = await verify(token);
    });
  },
  { name: 'ketnoi-employer-tokens', fastify: '5.x', dependencies: ['ketnoi-auth'] },
);
