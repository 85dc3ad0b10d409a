import { createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { open, seal } from '../../src/crypto/aes-gcm.js';
import { KeyRing } from '../../src/crypto/key-ring.js';
import { citizenIdHash } from '../../src/crypto/keyed-hash.js';
import { openPersonal, sealPersonal } from '../../src/crypto/personal-data-cipher.js';

const keys = new Map([
  ['2025-01', randomBytes(32)],
  ['2026-01', randomBytes(32)],
]);

describe('personal data encryption', () => {
  it('seals and opens a worker\'s fields with the worker\'s data key', () => {
    const ring = new KeyRing(keys, '2026-01');
    const { key, wrapped } = ring.newDataKey('wrk_1');
    const sealed = sealPersonal(key, 'wrk_1', { citizenId: '019198123456' });
    expect(JSON.stringify(sealed)).not.toContain('019198123456');
    expect(openPersonal(ring.unwrap('wrk_1', wrapped), 'wrk_1', sealed)).toEqual({ citizenId: '019198123456' });
  });

  it('refuses to open another worker\'s fields or a tampered ciphertext', () => {
    const ring = new KeyRing(keys, '2026-01');
    const { key } = ring.newDataKey('wrk_1');
    const sealed = sealPersonal(key, 'wrk_1', { citizenId: '019198123456' });
    expect(() => openPersonal(key, 'wrk_2', sealed)).toThrow();
    const tampered = { ...sealed, ct: Buffer.from(sealed.ct, 'base64').reverse().toString('base64') };
    expect(() => openPersonal(key, 'wrk_1', tampered)).toThrow();
  });

  it('unwraps keys wrapped by an older master key after rotation', () => {
    const before = new KeyRing(keys, '2025-01');
    const { key, wrapped } = before.newDataKey('wrk_9');
    const after = new KeyRing(keys, '2026-01');
    expect(after.unwrap('wrk_9', wrapped).equals(key)).toBe(true);
    expect(after.isCurrent(wrapped)).toBe(false);
  });
});

describe('citizenIdHash', () => {
  it('is stable for one key and differs between keys', () => {
    const key = randomBytes(32);
    expect(citizenIdHash(key, '019198123456')).toBe(citizenIdHash(key, '019198123456'));
    expect(citizenIdHash(key, '019198123456')).not.toBe(citizenIdHash(randomBytes(32), '019198123456'));
    expect(citizenIdHash(key, '019198123456')).not.toContain('019198123456');
  });
});

describe('keys made into KeyObjects once', () => {
  it('hash and seal with each key what the raw key gives, and never with another key\'s object', () => {
    const [a, b] = [randomBytes(32), randomBytes(32)];
    for (const key of [a, b, a]) {
      expect(citizenIdHash(key, '019198123456')).toBe(createHmac('sha256', key).update('cccd:019198123456').digest('base64url'));
      const sealed = seal(key, 'dk', Buffer.from('personal'), 'pii:wrk_1');
      const raw = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
      raw.setAAD(Buffer.from('pii:wrk_1'));
      raw.setAuthTag(Buffer.from(sealed.tag, 'base64'));
      expect(Buffer.concat([raw.update(Buffer.from(sealed.ct, 'base64')), raw.final()]).toString()).toBe('personal');
      expect(open(key, sealed, 'pii:wrk_1').toString()).toBe('personal');
    }
    expect(() => open(b, seal(a, 'dk', Buffer.from('personal'), 'pii:wrk_1'), 'pii:wrk_1')).toThrow();
  });
});
