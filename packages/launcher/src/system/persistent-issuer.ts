import { SignJWT, importPKCS8, type JWK } from 'jose';
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Principal } from '@ketnoi/service-kit';

export const DEV_ISSUER = { issuer: 'urn:ketnoi:dev-issuer', audience: 'ketnoi' };
const ALG = 'ES256';

export interface PersistentIssuer {
  publicJwk: JWK;
  issue: (principal: Principal, ttl?: string) => Promise<string>;
}

/**
 * The dev identity provider of a Docker run: like service-kit's
 * createDevIssuer, but its key is kept in `keyFile` (mode 0600), so tokens
 * can be made again for services already configured with its public key.
 * Local use only: whoever reads the file can sign any role.
 */
export async function persistentIssuer(keyFile: string): Promise<PersistentIssuer> {
  let pem = await readFile(keyFile, 'utf8').catch(() => null);
  if (pem === null) {
    pem = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    await mkdir(dirname(keyFile), { recursive: true });
    await writeFile(keyFile, pem, { mode: 0o600 });
  }
  const privateKey = await importPKCS8(pem, ALG);
  const { kty, crv, x, y } = createPublicKey(pem).export({ format: 'jwk' });
  const publicJwk: JWK = { kty, crv, x, y, kid: 'ketnoi-dev', alg: ALG, use: 'sig' };
  const issue = ({ sub, roles, employerId }: Principal, ttl = '12h') =>
    new SignJWT({ roles, ...(employerId === undefined ? {} : { employerId }) })
      .setProtectedHeader({ alg: ALG, kid: 'ketnoi-dev', typ: 'JWT' })
      .setSubject(sub)
      .setIssuer(DEV_ISSUER.issuer)
      .setAudience(DEV_ISSUER.audience)
      .setIssuedAt()
      .setExpirationTime(ttl)
      .sign(privateKey);
  return { publicJwk, issue };
}
