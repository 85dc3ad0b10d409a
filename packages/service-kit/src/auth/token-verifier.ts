import { KetNoiError, unauthorized, unavailable } from '@ketnoi/errors';
import { errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { principalSchema } from './principal.js';
import { rememberVerified, type VerifyToken } from './verified-tokens.js';

export interface TokenChecks {
  issuer: string;
  audience: string;
}

export type { VerifyToken } from './verified-tokens.js';

function toAuthError(error: unknown): KetNoiError {
  if (error instanceof errors.JWTExpired) return unauthorized('The access token has expired');
  // The key set could not be fetched: the token may be fine, try again later.
  if (error instanceof errors.JWKSTimeout || !(error instanceof errors.JOSEError)) {
    return unavailable('The identity provider did not answer', { cause: error });
  }
  return unauthorized('The access token is not valid');
}

/** Verifies signature, issuer, audience and expiry, then reads KetNoi's claims; a token verified once is trusted until it expires (at most a minute). */
export function createTokenVerifier(key: JWTVerifyGetKey | undefined, checks: TokenChecks): VerifyToken {
  return rememberVerified(async (token) => {
    if (key === undefined) {
      throw new KetNoiError('AUTH_NOT_CONFIGURED', 'No token verification key is configured', { status: 500 });
    }
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(token, key, { ...checks, requiredClaims: ['sub', 'exp'] }));
    } catch (error) {
      throw toAuthError(error);
    }
    const claims = principalSchema.safeParse(payload);
    if (!claims.success) throw unauthorized('The access token does not carry valid KetNoi claims');
    return claims.data;
  });
}
