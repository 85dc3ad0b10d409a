import { normaliseSpaces } from './text.js';

/**
 * A citizen-ID (CCCD) consistent with the person: province of birth
 * registration, century-and-gender digit, two birth-year digits, and a
 * 6-digit serial. `serialIndex` is spread over the serials by a bijection,
 * so distinct indexes below 1 000 000 never share a number.
 */
export function citizenIdOf(province: string, dateOfBirth: string, gender: 'male' | 'female', serialIndex: number, salt: number): string {
  const year = Number(dateOfBirth.slice(0, 4));
  const century = Math.floor((year - 1900) / 100) * 2 + (gender === 'female' ? 1 : 0);
  const serial = (serialIndex * 7_919 + salt) % 1_000_000;
  return `${province}${century}${String(year % 100).padStart(2, '0')}${String(serial).padStart(6, '0')}`;
}

// MST check digit (Decision 75/1998/QĐ-TCT): N10 = 10 - (Σ wᵢ·Nᵢ mod 11); a remainder of 0 has no digit.
const TAX_WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3] as const;

export function taxCheckDigit(firstNine: string): number | null {
  const sum = TAX_WEIGHTS.reduce((total, weight, i) => total + weight * Number(firstNine[i]), 0);
  const digit = 10 - (sum % 11);
  return digit === 10 ? null : digit;
}

/**
 * A valid 10-digit tax code: "46" (Thái Nguyên's tax office prefix), six
 * digits unique per index, then the ninth digit tried from `start` until a
 * check digit exists (changing it moves the sum by 3, so one of two tries works).
 */
export function taxCodeOf(index: number, salt: number, start: number): string {
  const body = `46${String((index * 7_919 + salt) % 1_000_000).padStart(6, '0')}`;
  for (let k = 0; k < 10; k += 1) {
    const nine = `${body}${(start + k) % 10}`;
    const digit = taxCheckDigit(nine);
    if (digit !== null) return `${nine}${digit}`;
  }
  throw new Error('unreachable: no check digit for any ninth digit');
}

/** A slug of a Vietnamese name for e-mail addresses: no diacritics, lower case. */
export const asciiSlug = (text: string, separator = '.'): string =>
  normaliseSpaces(text)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, separator)
    .replace(new RegExp(`^\\${separator}+|\\${separator}+$`, 'g'), '');
