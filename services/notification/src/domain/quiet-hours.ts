export interface QuietHours {
  start: string;
  end: string;
  timeZone: string;
}

const minutesOf = (clock: string): number => {
  const [hours, minutes] = clock.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
};

/** One formatter per time zone: building an Intl.DateTimeFormat costs far more than using one. */
const clocks = new Map<string, Intl.DateTimeFormat>();
const clockIn = (timeZone: string): Intl.DateTimeFormat => {
  let clock = clocks.get(timeZone);
  if (!clock) clocks.set(timeZone, (clock = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })));
  return clock;
};

/** Minutes since local midnight in the time zone. */
export function localMinutes(at: Date, timeZone: string): number {
  const parts = clockIn(timeZone).formatToParts(at);
  const value = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  return value('hour') * 60 + value('minute');
}

/** True when `at` falls in the quiet window, which may span midnight (21:00–07:00). */
export const isQuiet = (at: Date, rules: QuietHours): boolean => quietAt(localMinutes(at, rules.timeZone), rules);

function quietAt(now: number, rules: QuietHours): boolean {
  const start = minutesOf(rules.start);
  const end = minutesOf(rules.end);
  if (start === end) return false;
  return start < end ? now >= start && now < end : now >= start || now < end;
}

/** The first moment at or after `at` that is outside the quiet window (to the minute). */
export function quietEndsAt(at: Date, rules: QuietHours): Date {
  const now = localMinutes(at, rules.timeZone);
  if (!quietAt(now, rules)) return at;
  const end = minutesOf(rules.end);
  const wait = (end - now + 24 * 60) % (24 * 60);
  const next = new Date(at.getTime() + wait * 60_000);
  next.setUTCSeconds(0, 0);
  return next;
}
