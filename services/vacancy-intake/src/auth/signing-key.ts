import { calculateJwkThumbprint, exportJWK, generateKeyPair, importPKCS8, type CryptoKey, type JWK } from 'jose';
import { createPublicKey } from 'node:crypto';

export const TOKEN_ALG = 'ES256';

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  /** The public half as served in /.well-known/jwks.json. */
  publicJwk: JWK;
  /** True when the key was made at start (tokens die with the process). */
  ephemeral: boolean;
}

const unescapeNewlines = (pem: string) => pem.replaceAll('\\n', '\n').trim();

/** The employer-token signing key from TOKEN_SIGNING_KEY, or a fresh one when it is unset. */
export async function loadSigningKey(pem: string | undefined, keyId?: string): Promise<SigningKey> {
  if (pem === undefined) {
    const { privateKey, publicKey } = await generateKeyPair(TOKEN_ALG, { extractable: true });
    const jwk = await exportJWK(publicKey);
    return withKid(privateKey, jwk, keyId, true);
  }
  const text = unescapeNewlines(pem);
  const privateKey = await importPKCS8(text, TOKEN_ALG);
  const jwk = createPublicKey(text).export({ format: 'jwk' }) as JWK;
  return withKid(privateKey, jwk, keyId, false);
}

async function withKid(privateKey: CryptoKey, jwk: JWK, keyId: string | undefined, ephemeral: boolean): Promise<SigningKey> {
  const kid = keyId ?? (await calculateJwkThumbprint(jwk));
  return { kid, privateKey, publicJwk: { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y, kid, alg: TOKEN_ALG, use: 'sig' }, ephemeral };
}
