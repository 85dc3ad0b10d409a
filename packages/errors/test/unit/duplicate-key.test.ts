import { describe, expect, it } from 'vitest';
import { isDuplicateKey } from '../../src/index.js';

describe('isDuplicateKey', () => {
  it('recognises 11000 on a driver error and on a bulk write entry', () => {
    expect(isDuplicateKey(Object.assign(new Error('dup'), { code: 11000 }))).toBe(true);
    expect(isDuplicateKey({ index: 0, err: { code: 11000 } })).toBe(true);
  });

  it('rejects other errors and non-objects', () => {
    expect(isDuplicateKey(Object.assign(new Error('x'), { code: 121 }))).toBe(false);
    expect(isDuplicateKey(new Error('x'))).toBe(false);
    expect(isDuplicateKey(null)).toBe(false);
    expect(isDuplicateKey('11000')).toBe(false);
  });
});
