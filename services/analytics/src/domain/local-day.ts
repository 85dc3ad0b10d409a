/** Vietnam has one time zone and no daylight saving: a day there starts at 17:00 UTC the day before. */
const VIETNAM_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day (YYYY-MM-DD) in Vietnam of an instant. */
export const vietnamDayOf = (at: Date): string => VIETNAM_DAY.format(at);
