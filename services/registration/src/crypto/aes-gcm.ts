import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { secretKey } from './secret-key.js';

/** AES-256-GCM ciphertext with everything needed to open it again. */
export interface Sealed {
  /** Which key sealed it (a master key id, or "dk" for a worker's data key). */
  k: string;
  iv: string;
  ct: string;
  tag: string;
}

export function seal(key: Buffer, keyId: string, plaintext: Buffer, aad: string): Sealed {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', secretKey(key), iv);
  cipher.setAAD(Buffer.from(aad));
  const ct = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { k: keyId, iv: iv.toString('base64'), ct: ct.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
}

/** Throws when the key is wrong or the ciphertext, tag or associated data were altered. */
export function open(key: Buffer, sealed: Sealed, aad: string): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', secretKey(key), Buffer.from(sealed.iv, 'base64'));
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(sealed.ct, 'base64')), decipher.final()]);
}
