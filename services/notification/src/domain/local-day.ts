const days = new Map<string, Intl.DateTimeFormat>();

/** The calendar day (YYYY-MM-DD) of `at` in the time zone: what a daily cap counts by. */
export function localDay(at: Date, timeZone: string): string {
  let day = days.get(timeZone);
  if (!day) days.set(timeZone, (day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  return day.format(at);
}
