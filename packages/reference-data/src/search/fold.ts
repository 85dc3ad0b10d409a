/**
 * Folds Vietnamese (and any Latin) text for matching without diacritics:
 * NFD, combining marks removed, đ/Đ → d, lower case, runs of white space
 * collapsed. "Thái Nguyên" and "thai  nguyen" both fold to "thai nguyen".
 */
export function fold(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Folded words: letters and digits, split at spaces and punctuation ("Bru-Vân Kiều" → bru, van, kieu). */
export function tokens(value: string): string[] {
  return fold(value)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token !== '');
}
