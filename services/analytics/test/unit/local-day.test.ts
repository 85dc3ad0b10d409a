import { describe, expect, it } from 'vitest';
import { vietnamDayOf } from '../../src/domain/local-day.js';

describe('vietnamDayOf', () => {
  it('gives the calendar day in Vietnam (UTC+7)', () => {
    expect(vietnamDayOf(new Date('2026-11-26T03:00:00.000Z'))).toBe('2026-11-26');
    expect(vietnamDayOf(new Date('2026-11-26T16:59:59.000Z'))).toBe('2026-11-26');
    expect(vietnamDayOf(new Date('2026-11-26T17:00:00.000Z'))).toBe('2026-11-27');
    expect(vietnamDayOf(new Date('2026-12-31T18:00:00.000Z'))).toBe('2027-01-01');
  });
});
