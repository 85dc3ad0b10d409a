import { describe, expect, it } from 'vitest';
import { ageOn } from '../../src/domain/age.js';
import { normaliseName } from '../../src/domain/person-name.js';
import { normaliseMobile } from '../../src/domain/phone.js';
import { fold } from '@ketnoi/reference-data';

describe('normaliseMobile', () => {
  it.each([
    ['0912345678', '+84912345678'],
    ['0912 345 678', '+84912345678'],
    ['091.234.5678', '+84912345678'],
    ['(+84) 386-123-456', '+84386123456'],
    ['84 70 123 4567', '+84701234567'],
    ['+84 58 765 4321', '+84587654321'],
  ])('turns %s into %s', (input, e164) => {
    expect(normaliseMobile(input)).toBe(e164);
  });

  it.each(['02083855123', '091234567', '+1 202 555 0101', '0112345678', 'không có'])('refuses %s', (input) => {
    expect(normaliseMobile(input)).toBeUndefined();
  });
});

describe('normaliseName', () => {
  // Every Vietnamese tone mark on every vowel, typed as decomposed (NFD) text.
  const vowels = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
  const tones = ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];

  it('stores names precomposed (NFC) with single spaces', () => {
    const nfd = '  Nguye\u0302\u0303n   Thi\u0323  Ho\u0300a  ';
    expect(normaliseName(nfd)).toBe('Nguyễn Thị Hòa');
    expect(normaliseName(nfd).normalize('NFC')).toBe(normaliseName(nfd));
  });

  it('keeps every toned vowel and folds each back to its base letter', () => {
    for (const vowel of vowels) {
      for (const tone of tones) {
        const decomposed = `${vowel}${tone}`.normalize('NFD');
        const stored = normaliseName(decomposed);
        expect(stored).toBe(`${vowel}${tone}`.normalize('NFC'));
        expect(stored.length).toBe(1);
        expect(fold(stored)).toMatch(/^[aeiouy]$/);
      }
    }
  });

  it('folds đ to d for search', () => {
    expect(fold(normaliseName('Đặng Văn Đức'))).toBe('dang van duc');
  });
});

describe('ageOn', () => {
  it('counts whole years, the birthday included', () => {
    expect(ageOn('2008-11-26', '2026-11-25')).toBe(17);
    expect(ageOn('2008-11-26', '2026-11-26')).toBe(18);
    expect(ageOn('2011-02-28', '2026-02-27')).toBe(14);
  });
});
