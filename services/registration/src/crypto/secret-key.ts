import { createSecretKey, type KeyObject } from 'node:crypto';

const made = new WeakMap<Buffer, KeyObject>();

/**
 * A key's KeyObject, made once per key buffer. Node 24 checks a raw Buffer
 * key at every `createHmac` / `createCipheriv` (`prepareSecretKey`), which
 * cost more than the cipher itself: an HMAC-SHA256 of a citizen-ID 31 µs
 * with the Buffer, 4.4 µs with its KeyObject; sealing a profile with
 * AES-256-GCM 60 µs against 14 µs (`bench/ingest-profile.ts` profiles).
 * Keys are never changed in place, so a buffer's KeyObject stays right.
 */
export function secretKey(key: Buffer): KeyObject {
  let object = made.get(key);
  if (!object) {
    object = createSecretKey(key);
    made.set(key, object);
  }
  return object;
}
