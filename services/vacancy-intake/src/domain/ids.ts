import { createHash, randomBytes } from 'node:crypto';

// Crockford base32: ids sort by creation time, as a ULID does.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

const base32 = (value: bigint, length: number): string => {
  let out = '';
  for (let i = 0; i < length; i += 1) {
    out = ALPHABET[Number(value % 32n)]! + out;
    value /= 32n;
  }
  return out;
};

/** A new opaque id, `<prefix>_` + 10 time characters + 16 random ones (sortable by creation). */
export function newId(prefix: string, now = Date.now()): string {
  const random = BigInt(`0x${randomBytes(10).toString('hex')}`);
  return `${prefix}_${base32(BigInt(now), 10)}${base32(random, 16)}`;
}

/** A stable id derived from parts (the same parts always give the same id). */
export const derivedId = (prefix: string, ...parts: string[]): string =>
  `${prefix}_${createHash('sha256').update(parts.join('\u0000')).digest('base64url').slice(0, 26)}`;
