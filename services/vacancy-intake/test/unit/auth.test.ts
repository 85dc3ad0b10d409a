import { generateKeyPairSync } from 'node:crypto';
import { decodeProtectedHeader, jwtVerify, importJWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { hashSecret, newClientSecret, verifySecret } from '../../src/auth/client-secret.js';
import { employerTokens } from '../../src/auth/employer-tokens.js';
import { loadSigningKey } from '../../src/auth/signing-key.js';

const settings = { issuer: 'urn:ketnoi:vacancy-intake', audience: 'ketnoi', ttlSeconds: 900 };

describe('employer token signing', () => {
  it('loads a PKCS#8 PEM (with escaped newlines) and names it by its JWK thumbprint', async () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString().replaceAll('\n', '\\n');
    const key = await loadSigningKey(pem);
    expect(key.ephemeral).toBe(false);
    expect(key.publicJwk).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig', kid: key.kid });
    expect(key.publicJwk).not.toHaveProperty('d');
    expect((await loadSigningKey(pem, 'intake-2026')).kid).toBe('intake-2026');
  });

  it('issues tokens the public JWK verifies, and refuses tampered or foreign ones', async () => {
    const key = await loadSigningKey(undefined);
    const tokens = await employerTokens(key, settings);
    const { token, expiresIn } = await tokens.issue('cli_01', 'emp_000001');
    expect(expiresIn).toBe(900);
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'ES256', typ: 'at+jwt', kid: key.kid });
    await expect(jwtVerify(token, await importJWK(key.publicJwk, 'ES256'), { issuer: settings.issuer, audience: 'ketnoi' })).resolves.toBeDefined();
    expect(tokens.isOurs(token)).toBe(true);
    await expect(tokens.verify(token)).resolves.toEqual({ sub: 'cli_01', roles: ['employer'], employerId: 'emp_000001' });

    const other = await employerTokens(await loadSigningKey(undefined), settings);
    const foreign = (await other.issue('cli_01', 'emp_000001')).token;
    await expect(tokens.verify(foreign)).rejects.toMatchObject({ status: 401 });
    expect(tokens.isOurs('not a jwt')).toBe(false);
  });
});

describe('client secrets', () => {
  it('hashes with scrypt and verifies only the right secret', async () => {
    const secret = newClientSecret();
    expect(secret).toMatch(/^kns_[A-Za-z0-9_-]{43}$/);
    const stored = await hashSecret(secret);
    expect(stored).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(stored).not.toContain(secret.slice(4));
    await expect(verifySecret(secret, stored)).resolves.toBe(true);
    await expect(verifySecret(`${secret}x`, stored)).resolves.toBe(false);
    await expect(verifySecret(secret, 'plain$text')).resolves.toBe(false);
  });
});
