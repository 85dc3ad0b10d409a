/** The calendar day (YYYY-MM-DD) of `at` in the time zone: what a daily cap counts by. */
export const localDay = (at: Date, timeZone: string): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
