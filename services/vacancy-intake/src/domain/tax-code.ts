// Weights of the MST check digit (Decision 75/1998/QĐ-TCT): N10 = 10 - (Σ wᵢ·Nᵢ mod 11).
const WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3] as const;

export type TaxCodeCheck = { ok: true; head: string; branch?: string } | { ok: false; reason: string };

/** The check digit of a tax code's first nine digits; null when no tax code can start so (a remainder of 0). */
export function taxCodeCheckDigit(firstNine: string): number | null {
  const sum = WEIGHTS.reduce((total, weight, i) => total + weight * Number(firstNine[i]), 0);
  const digit = 10 - (sum % 11);
  return digit === 10 ? null : digit;
}

/** A Vietnamese tax code (mã số thuế): 10 digits ending in its check digit, or 10 + "-" + a 3-digit branch. */
export function checkTaxCode(code: string): TaxCodeCheck {
  const match = /^(\d{10})(?:-(\d{3}))?$/.exec(code);
  if (!match) return { ok: false, reason: 'a tax code is 10 digits, or 10 digits, "-" and a 3-digit branch number' };
  const head = match[1]!;
  const branch = match[2];
  if (taxCodeCheckDigit(head.slice(0, 9)) !== Number(head[9])) {
    return { ok: false, reason: 'the 10th digit of the tax code is not its check digit' };
  }
  if (branch === '000') return { ok: false, reason: 'branch numbers run from 001 to 999' };
  return branch === undefined ? { ok: true, head } : { ok: true, head, branch };
}
