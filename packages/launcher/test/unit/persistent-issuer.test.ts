import { createLocalJWKSet, jwtVerify } from 'jose';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEV_ISSUER, persistentIssuer } from '../../src/system/persistent-issuer.js';

describe('the dev identity provider of a Docker run', () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

  it('keeps its key, so a token made later verifies with the public key the services were given', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'launcher-issuer-'));
    dirs.push(dir);
    const file = join(dir, 'run', 'dev-issuer.pem');
    const first = await persistentIssuer(file);
    const again = await persistentIssuer(file);
    expect(again.publicJwk).toEqual(first.publicJwk);
    expect((await stat(file)).mode & 0o777).toBe(0o600);

    const token = await again.issue({ sub: 'staff:1', roles: ['staff'] });
    const { payload } = await jwtVerify(token, createLocalJWKSet({ keys: [first.publicJwk] }), DEV_ISSUER);
    expect(payload).toMatchObject({ sub: 'staff:1', roles: ['staff'] });
    expect(payload.exp! - payload.iat!).toBe(12 * 3600);
  });
});
