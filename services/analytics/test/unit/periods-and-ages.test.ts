import { describe, expect, it } from 'vitest';
import { ageAt, ageBandOf, matchesAgeFilter } from '../../src/domain/age-band.js';
import { dayIn, kindOf, nextQuarter, periodOf, quartersBetween } from '../../src/domain/periods.js';

describe('periods', () => {
  it('puts a day in its month and quarter', () => {
    expect(periodOf('2026-03-31', 'quarter')).toBe('2026-Q1');
    expect(periodOf('2026-04-01', 'quarter')).toBe('2026-Q2');
    expect(periodOf('2026-12-05', 'month')).toBe('2026-12');
    expect(periodOf('2026-12-05', 'day')).toBe('2026-12-05');
  });

  it('tells the kind of a period and whether a day lies in it', () => {
    expect([kindOf('2026'), kindOf('2026-Q4'), kindOf('2026-07'), kindOf('2026-07-01'), kindOf('26')]).toEqual(['year', 'quarter', 'month', 'day', undefined]);
    expect(dayIn('2026-07-01', '2026')).toBe(true);
    expect(dayIn('2026-07-01', '2026-Q3')).toBe(true);
    expect(dayIn('2026-07-01', '2026-Q2')).toBe(false);
    expect(dayIn('2026-07-01', '2026-07')).toBe(true);
  });

  it('steps through quarters across years', () => {
    expect(nextQuarter('2025-Q4')).toBe('2026-Q1');
    expect(quartersBetween('2025-Q3', '2026-Q2')).toEqual(['2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2']);
  });
});

describe('age bands', () => {
  it('counts whole years from the birth month', () => {
    expect(ageAt('2000-06', '2024-05-31')).toBe(23);
    expect(ageAt('2000-06', '2024-06-01')).toBe(24);
  });

  it('bands ages; youth is 15–24 or 15–29 as policies say', () => {
    expect(['2012-01', '2002-01', '1998-01', '1990-01', '1960-01'].map((b) => ageBandOf(b, '2026-11-26'))).toEqual(['under-15', '15-24', '25-29', '30-39', '60+']);
    expect(ageBandOf(undefined, '2026-11-26')).toBe('unknown');
    expect(matchesAgeFilter('25-29', 'youth-15-29')).toBe(true);
    expect(matchesAgeFilter('25-29', 'youth-15-24')).toBe(false);
    expect(matchesAgeFilter('15-24', 'youth-15-24')).toBe(true);
  });
});
