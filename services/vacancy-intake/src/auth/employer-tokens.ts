import { unauthorized } from '@ketnoi/errors';
import { rememberVerified, type Principal } from '@ketnoi/service-kit';
import { decodeJwt, errors, importJWK, jwtVerify, SignJWT } from 'jose';
import { randomUUID } from 'node:crypto';
import { TOKEN_ALG, type SigningKey } from './signing-key.js';

export interface TokenSettings {
  issuer: string;
  audience: string;
  ttlSeconds: number;
}

export interface EmployerTokens {
  issuer: string;
  issue(clientId: string, employerId: string): Promise<{ token: string; expiresIn: number }>;
  /** Verifies a token this service issued and returns its principal. */
  verify(token: string): Promise<Principal>;
  /** Whether a token claims to come from this service (read without verifying). */
  isOurs(token: string): boolean;
}

/** Short-lived ES256 access tokens for employer clients (RFC 9068 claims plus KetNoi's roles and employerId). */
export async function employerTokens(key: SigningKey, settings: TokenSettings): Promise<EmployerTokens> {
  const publicKey = await importJWK(key.publicJwk, TOKEN_ALG);
  return {
    issuer: settings.issuer,
    async issue(clientId, employerId) {
      const token = await new SignJWT({ roles: ['employer'], employerId, client_id: clientId })
        .setProtectedHeader({ alg: TOKEN_ALG, kid: key.kid, typ: 'at+jwt' })
        .setSubject(clientId)
        .setIssuer(settings.issuer)
        .setAudience(settings.audience)
        .setIssuedAt()
        .setJti(randomUUID())
        .setExpirationTime(`${settings.ttlSeconds}s`)
        .sign(key.privateKey);
      return { token, expiresIn: settings.ttlSeconds };
    },
    // The client's revocation is checked on every request by the caller (employer-auth).
    verify: rememberVerified(async (token) => {
      try {
        const { payload } = await jwtVerify(token, publicKey, {
          issuer: settings.issuer,
          audience: settings.audience,
          algorithms: [TOKEN_ALG],
          typ: 'at+jwt',
          requiredClaims: ['sub', 'exp', 'employerId'],
        });
        if (typeof payload.employerId !== 'string' || typeof payload.sub !== 'string') throw unauthorized('The access token is not valid');
        return { sub: payload.sub, roles: ['employer'], employerId: payload.employerId };
      } catch (error) {
        if (error instanceof errors.JWTExpired) throw unauthorized('The access token has expired');
        throw unauthorized('The access token is not valid');
      }
    }),
    isOurs(token) {
      try {
        return decodeJwt(token).iss === settings.issuer;
      } catch {
        return false;
      }
    },
  };
}
