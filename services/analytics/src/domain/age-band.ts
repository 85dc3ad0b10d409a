/** Age bands of the registry; 15–24 and 25–29 together make the 15–29 youth of some policies. */
export const AGE_BANDS = ['under-15', '15-24', '25-29', '30-39', '40-49', '50-59', '60+', 'unknown'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** Whole years from a birth month (YYYY-MM) to a day (YYYY-MM-DD), counting the birthday as the month's first. */
export function ageAt(birthMonth: string, day: string): number {
  const [by = 0, bm = 0] = birthMonth.split('-').map(Number);
  const [y = 0, m = 0] = day.split('-').map(Number);
  return y - by - (m < bm ? 1 : 0);
}

export function ageBandOf(birthMonth: string | undefined, day: string): AgeBand {
  if (birthMonth === undefined) return 'unknown';
  const age = ageAt(birthMonth, day);
  if (age < 15) return 'under-15';
  if (age <= 24) return '15-24';
  if (age <= 29) return '25-29';
  if (age <= 39) return '30-39';
  if (age <= 49) return '40-49';
  if (age <= 59) return '50-59';
  return '60+';
}

/** Filters accept a band or one of the two youth definitions. */
export function matchesAgeFilter(band: string, filter: string): boolean {
  if (filter === 'youth-15-24') return band === '15-24';
  if (filter === 'youth-15-29') return band === '15-24' || band === '25-29';
  return band === filter;
}
