import { SignJWT, exportJWK, exportSPKI, generateKeyPair, type JWK } from 'jose';
import { randomUUID } from 'node:crypto';
import type { Principal } from './principal.js';

export interface DevIssuerOptions {
  issuer?: string;
  audience?: string;
  keyId?: string;
}

export interface DevIssuer {
  issuer: string;
  audience: string;
  /** Signs an access token; `ttl` in seconds from now (negative: already expired) or a jose span ('15m'). */
  issue(claims: Principal, ttl?: number | string): Promise<string>;
  publicJwk: JWK;
  jwks: { keys: JWK[] };
  /** For AUTH_JWT_PUBLIC_KEY. */
  publicKeyPem: string;
}

const ALG = 'ES256';

/**
 * A throwaway ES256 identity provider for tests and local runs. Never use
 * it where real people sign in: its key lives only in this process.
 */
export async function createDevIssuer({
  issuer = 'urn:ketnoi:dev-issuer',
  audience = 'ketnoi',
  keyId = randomUUID(),
}: DevIssuerOptions = {}): Promise<DevIssuer> {
  const { privateKey, publicKey } = await generateKeyPair(ALG, { extractable: true });
  const publicJwk: JWK = { ...(await exportJWK(publicKey)), kid: keyId, alg: ALG, use: 'sig' };

  const issue = async ({ sub, roles, employerId }: Principal, ttl: number | string = '15m') => {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ roles, ...(employerId === undefined ? {} : { employerId }) })
      .setProtectedHeader({ alg: ALG, kid: keyId, typ: 'JWT' })
      .setSubject(sub)
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt(typeof ttl === 'number' && ttl < 0 ? now + ttl - 60 : now)
      .setExpirationTime(typeof ttl === 'number' ? now + ttl : ttl)
      .sign(privateKey);
  };

  return { issuer, audience, issue, publicJwk, jwks: { keys: [publicJwk] }, publicKeyPem: await exportSPKI(publicKey) };
}
