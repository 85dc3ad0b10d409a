import { describe, expect, it } from 'vitest';
import { checkTaxCode, taxCodeCheckDigit } from '../../src/domain/tax-code.js';

describe('tax code (MST)', () => {
  it('accepts real tax codes whose 10th digit is the check digit', () => {
    expect(checkTaxCode('0100109106')).toEqual({ ok: true, head: '0100109106' });
    expect(checkTaxCode('4601124536')).toEqual({ ok: true, head: '4601124536' });
  });

  it('accepts a branch number after a dash', () => {
    expect(checkTaxCode('0100109106-012')).toEqual({ ok: true, head: '0100109106', branch: '012' });
  });

  it('refuses a wrong check digit', () => {
    expect(checkTaxCode('0100109107')).toMatchObject({ ok: false, reason: expect.stringMatching(/check digit/) });
  });

  it.each(['010010910', '01001091066', '0100109106-01', '0100109106_012', 'A100109106', ''])('refuses the shape %s', (code) => {
    expect(checkTaxCode(code).ok).toBe(false);
  });

  it('refuses branch 000', () => {
    expect(checkTaxCode('0100109106-000')).toMatchObject({ ok: false, reason: expect.stringMatching(/001 to 999/) });
  });

  it('has no check digit when the weighted sum is a multiple of 11', () => {
    // 31·1 + 29·0 … + 3·0 = 31 → 10 − 9 = 1; 000000000 → sum 0 → 10 − 0 = 10: never issued.
    expect(taxCodeCheckDigit('000000000')).toBeNull();
    expect(checkTaxCode('0000000000').ok).toBe(false);
  });
});
