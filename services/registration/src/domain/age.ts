/** Whole years between a birth date and a day (both YYYY-MM-DD). */
export function ageOn(dateOfBirth: string, day: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Labour Code 2019: work from 15; under 18 a minor with restricted work. */
export const MIN_WORKING_AGE = 15;
export const ADULT_AGE = 18;
