import { describe, expect, it } from 'vitest';
import type { Principal } from '../../src/auth/principal.js';
import { rememberVerified } from '../../src/auth/verified-tokens.js';

const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** A token as decodeJwt reads it (the signature is the verifier's business, counted here instead). */
const token = (sub: string, expSeconds: number) => `${part({ alg: 'ES256' })}.${part({ sub, exp: expSeconds })}.sig`;

function counting(refuse = new Set<string>()) {
  const calls: string[] = [];
  const verify = async (t: string): Promise<Principal> => {
    calls.push(t);
    if (refuse.has(t)) throw new Error('bad signature');
    return { sub: 'staff-1', roles: ['staff'] };
  };
  return { calls, verify };
}

describe('rememberVerified', () => {
  const t0 = 1_800_000_000_000;

  it.each([
    { until: 'the token expires', lifeSeconds: 30, trustedMs: 30_000 },
    { until: 'maxAgeMs has passed, though the token lives longer', lifeSeconds: 3600, trustedMs: 60_000 },
  ])('verifies a token once, and again once $until', async ({ lifeSeconds, trustedMs }) => {
    let now = t0;
    const { calls, verify } = counting();
    const remembered = rememberVerified(verify, { now: () => now, maxAgeMs: 60_000 });
    const t = token('a', t0 / 1000 + lifeSeconds);
    await remembered(t);
    now = t0 + trustedMs - 1;
    await remembered(t);
    expect(calls).toHaveLength(1);
    now = t0 + trustedMs;
    await remembered(t);
    expect(calls).toHaveLength(2);
  });

  it('keeps no failure: a refused token is checked (and refused) every time', async () => {
    const t = token('bad', t0 / 1000 + 30);
    const { calls, verify } = counting(new Set([t]));
    const remembered = rememberVerified(verify, { now: () => t0 });
    await expect(remembered(t)).rejects.toThrow('bad signature');
    await expect(remembered(t)).rejects.toThrow('bad signature');
    expect(calls).toHaveLength(2);
  });

  it('holds maxEntries tokens at most, the oldest verified going first', async () => {
    const { calls, verify } = counting();
    const remembered = rememberVerified(verify, { now: () => t0, maxEntries: 2 });
    const [a, b, c] = ['a', 'b', 'c'].map((sub) => token(sub, t0 / 1000 + 30));
    for (const t of [a!, b!, c!]) await remembered(t);
    await remembered(c!);
    await remembered(b!);
    expect(calls).toHaveLength(3);
    await remembered(a!);
    expect(calls).toHaveLength(4);
  });
});
