/** Vietnam (UTC+7) has had no daylight saving since 1975: its day is the UTC day of the instant plus seven hours. */
const OFFSET_MS = 7 * 3600 * 1000;

/** The calendar day (YYYY-MM-DD) in Vietnam of an instant (arithmetic, not Intl: this is on the reports' hot path). */
export const vietnamDayOf = (at: Date): string => new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
