import { describe, expect, it } from 'vitest';
import { isQuiet, quietEndsAt } from '../../src/domain/quiet-hours.js';

const rules = { start: '21:00', end: '07:00', timeZone: 'Asia/Ho_Chi_Minh' };
// Hà Nội time is UTC+7 all year.
const local = (clock: string, day = '2026-11-26') => new Date(`${day}T${clock}:00+07:00`);

describe('quiet hours across midnight, in Asia/Ho_Chi_Minh', () => {
  it.each([
    ['20:59', false],
    ['21:00', true],
    ['23:30', true],
    ['03:00', true],
    ['06:59', true],
    ['07:00', false],
    ['12:00', false],
  ])('%s local is quiet: %s', (clock, quiet) => {
    expect(isQuiet(local(clock), rules)).toBe(quiet);
  });

  it('ends at 07:00 local the next morning when deferred in the evening', () => {
    expect(quietEndsAt(local('22:15'), rules).toISOString()).toBe(local('07:00', '2026-11-27').toISOString());
  });

  it('ends at 07:00 the same morning when deferred after midnight', () => {
    expect(quietEndsAt(local('02:30'), rules).toISOString()).toBe(local('07:00').toISOString());
  });

  it('leaves a time outside the window alone', () => {
    expect(quietEndsAt(local('10:00'), rules)).toEqual(local('10:00'));
  });

  it('a window within one day (12:00–13:00) works too', () => {
    const lunch = { ...rules, start: '12:00', end: '13:00' };
    expect(isQuiet(local('12:30'), lunch)).toBe(true);
    expect(isQuiet(local('21:30'), lunch)).toBe(false);
  });
});
