import { decodeJwt } from 'jose';
import type { Principal } from './principal.js';

export type VerifyToken = (token: string) => Promise<Principal>;

export interface VerifiedTokenOptions {
  /** Tokens kept at most (the oldest verified goes first). */
  maxEntries?: number;
  /** How long a verification is trusted, at most: bounds what a rotated-out key still lets through. */
  maxAgeMs?: number;
  now?: () => number;
}

/**
 * Remembers the principal of each token verified, until the token expires
 * (and at most `maxAgeMs`): checking an ES256 signature costs ~0.5 ms of
 * CPU, the largest single cost of a `POST /v1/vacancies`, and a client
 * sends the same access token with every request of its lifetime. Only
 * successful checks are kept, so a bad token is checked (and refused) each
 * time; whatever a caller checks after the signature (a revoked client)
 * still runs on every request.
 */
export function rememberVerified(verify: VerifyToken, { maxEntries = 10_000, maxAgeMs = 60_000, now = Date.now }: VerifiedTokenOptions = {}): VerifyToken {
  const verified = new Map<string, { principal: Principal; until: number }>();
  return async (token) => {
    const known = verified.get(token);
    if (known !== undefined) {
      if (known.until > now()) return known.principal;
      verified.delete(token);
    }
    const principal = await verify(token);
    const exp = decodeJwt(token).exp;
    const until = Math.min(now() + maxAgeMs, exp === undefined ? 0 : exp * 1000);
    if (until > now()) {
      if (verified.size >= maxEntries) verified.delete(verified.keys().next().value!);
      verified.set(token, { principal, until });
    }
    return principal;
  };
}
