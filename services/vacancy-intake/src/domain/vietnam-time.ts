// Vietnam keeps UTC+7 all year (no daylight saving), so plain offsets are exact.
const OFFSET_MS = 7 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

/** The calendar date in Vietnam at `instant`, as YYYY-MM-DD. */
export const vietnamDate = (instant: Date): string => new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);

/** A date `days` after `date` (YYYY-MM-DD). */
export const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** The last instant of a date in Vietnam: an application deadline runs to the end of its day. */
export const endOfVietnamDay = (date: string): Date => new Date(Date.parse(`${date}T23:59:59.999+07:00`));
