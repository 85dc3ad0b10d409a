import { createRemoteJWKSet, importJWK, importSPKI, type JWK, type JWTVerifyGetKey } from 'jose';

export interface KeySource {
  /** Identity provider's JWKS endpoint (production). */
  jwksUrl?: string | undefined;
  /** PEM (SPKI) public key, or a public JWK as JSON (local runs, tests). */
  publicKey?: string | undefined;
  /** Algorithm of `publicKey`; default ES256. */
  algorithm?: string | undefined;
}

// Keys in environment variables often arrive with escaped newlines.
const unescapeNewlines = (pem: string) => pem.replaceAll('\\n', '\n').trim();

async function importPublicKey(publicKey: string, algorithm: string) {
  const text = publicKey.trim();
  if (!text.startsWith('{')) return importSPKI(unescapeNewlines(text), algorithm);
  const jwk = JSON.parse(text) as JWK;
  return importJWK(jwk, jwk.alg ?? algorithm);
}

/** The key (or key set) tokens are verified with; undefined when none is configured. */
export async function verificationKey(source: KeySource): Promise<JWTVerifyGetKey | undefined> {
  if (source.jwksUrl) return createRemoteJWKSet(new URL(source.jwksUrl), { timeoutDuration: 3_000 });
  if (!source.publicKey) return undefined;
  const key = await importPublicKey(source.publicKey, source.algorithm ?? 'ES256');
  return async () => key;
}
