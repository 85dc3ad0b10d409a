import { describe, expect, it } from 'vitest';
import { contractViolations } from '../../src/domain/contract-rules.js';
import { dateViolations } from '../../src/domain/date-rules.js';
import { minimumWage } from '../../src/domain/minimum-wages.js';
import { monthlyWageRange, wageViolations } from '../../src/domain/wage-rules.js';
import { addDays, endOfVietnamDay, vietnamDate } from '../../src/domain/vietnam-time.js';

const codes = (violations: { code: string }[]) => violations.map((v) => v.code);

describe('wage rules', () => {
  const day = '2026-11-26';

  it('uses the minimum wage in force on the day, region IV unless the region is known', () => {
    expect(minimumWage('month', '2026-11-26')).toMatchObject({ amountVnd: 3_700_000, legalBasis: 'Nghị định 293/2025/NĐ-CP' });
    expect(minimumWage('month', '2025-06-01', 'I')).toMatchObject({ amountVnd: 4_960_000 });
    expect(minimumWage('hour', '2026-01-01', 'II').amountVnd).toBe(22_700);
  });

  it('accepts a fair monthly and hourly range', () => {
    expect(wageViolations({ wageMinVnd: 7_000_000, wageMaxVnd: 9_000_000, wagePeriod: 'month' }, day)).toEqual([]);
    expect(wageViolations({ wageMinVnd: 25_000, wageMaxVnd: 30_000, wagePeriod: 'hour' }, day)).toEqual([]);
  });

  it('refuses a wage below the regional minimum', () => {
    const found = wageViolations({ wageMinVnd: 3_000_000, wageMaxVnd: 5_000_000, wagePeriod: 'month' }, day);
    expect(codes(found)).toEqual(['WAGE_BELOW_MINIMUM']);
    expect(found[0]!.message).toMatch(/3700000.*293\/2025/);
    expect(codes(wageViolations({ wageMinVnd: 15_000, wageMaxVnd: 20_000, wagePeriod: 'hour' }, day))).toEqual(['WAGE_BELOW_MINIMUM']);
  });

  it('refuses an inverted range and a monthly amount given as hourly', () => {
    expect(codes(wageViolations({ wageMinVnd: 9_000_000, wageMaxVnd: 8_000_000, wagePeriod: 'month' }, day))).toEqual(['WAGE_RANGE_INVERTED']);
    expect(codes(wageViolations({ wageMinVnd: 8_000_000, wageMaxVnd: 9_000_000, wagePeriod: 'hour' }, day))).toEqual(['WAGE_PERIOD_IMPLAUSIBLE']);
  });

  it('gives the monthly equivalent of hourly pay (208 hours)', () => {
    expect(monthlyWageRange({ wageMinVnd: 25_000, wageMaxVnd: 30_000, wagePeriod: 'hour' })).toEqual({ minVnd: 5_200_000, maxVnd: 6_240_000 });
  });
});

describe('date rules', () => {
  const day = '2026-11-26';

  it('accepts today and dates within a year', () => {
    expect(dateViolations({ deadline: day, startDate: addDays(day, 365) }, day)).toEqual([]);
  });

  it('refuses past and far-off dates', () => {
    expect(codes(dateViolations({ deadline: '2026-11-25', startDate: undefined }, day))).toEqual(['DATE_IN_PAST']);
    expect(codes(dateViolations({ deadline: addDays(day, 366), startDate: '2026-01-01' }, day))).toEqual(['DATE_TOO_FAR', 'DATE_IN_PAST']);
  });

  it('does not judge again a date an update leaves alone', () => {
    const previous = { deadline: '2026-12-01', startDate: '2026-11-01' };
    expect(dateViolations(previous, day, previous)).toEqual([]);
    expect(codes(dateViolations({ ...previous, deadline: '2026-11-20' }, day, previous))).toEqual(['DATE_IN_PAST']);
  });

  it('takes the day in Vietnam (UTC+7) and ends a deadline at midnight there', () => {
    expect(vietnamDate(new Date('2026-11-25T17:00:00Z'))).toBe('2026-11-26');
    expect(vietnamDate(new Date('2026-11-25T16:59:59Z'))).toBe('2026-11-25');
    expect(endOfVietnamDay('2026-11-26').toISOString()).toBe('2026-11-26T16:59:59.999Z');
  });
});

describe('contract rules', () => {
  it('wants the length of a fixed-term contract, and only of one', () => {
    expect(contractViolations({ contractType: 'fixed-term', contractMonths: 12 })).toEqual([]);
    expect(codes(contractViolations({ contractType: 'fixed-term', contractMonths: undefined }))).toEqual(['CONTRACT_LENGTH_MISSING']);
    expect(codes(contractViolations({ contractType: 'indefinite', contractMonths: 6 }))).toEqual(['CONTRACT_LENGTH_UNEXPECTED']);
    expect(contractViolations({ contractType: undefined, contractMonths: undefined })).toEqual([]);
  });
});
