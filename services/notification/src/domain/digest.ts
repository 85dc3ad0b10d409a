import { localDay } from './local-day.js';
import { planDeliveries, type Delivery } from './plan-deliveries.js';
import { isQuiet, quietEndsAt, type QuietHours } from './quiet-hours.js';
import type { Contact } from './types.js';

const minutesOf = (clock: string): number => {
  const [hours, minutes] = clock.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
};

const wallClocks = new Map<string, Intl.DateTimeFormat>();

/** `at` as the time zone's clock shows it, read as if it were UTC (ms). */
function wallClockMs(at: Date, timeZone: string): number {
  let format = wallClocks.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    wallClocks.set(timeZone, format);
  }
  const part = Object.fromEntries(format.formatToParts(at).map(({ type, value }) => [type, Number(value)]));
  return Date.UTC(part.year!, part.month! - 1, part.day!, part.hour!, part.minute!, part.second!);
}

/** The instant at which the clock in the time zone shows `day` (YYYY-MM-DD) at `clock` (HH:MM). */
export function zonedTime(day: string, clock: string, timeZone: string): Date {
  const [year, month, date] = day.split('-').map(Number);
  const wall = Date.UTC(year!, month! - 1, date!, 0, minutesOf(clock));
  // The zone's offset at a first guess, then at the result (right across a DST change).
  let at = wall - (wallClockMs(new Date(wall), timeZone) - wall);
  at = wall - (wallClockMs(new Date(at), timeZone) - at);
  return new Date(at);
}

export interface DigestSlot {
  /** `<workerId>:<day>`: one digest per worker per local day. */
  digestId: string;
  day: string;
  /** When it goes out: the digest time of its day, or the end of the quiet hours when that time falls inside them. */
  dueAt: Date;
}

/** `<workerId>:<day>`: one digest per worker per local day. */
export const digestIdOf = (workerId: string, day: string): string => `${workerId}:${day}`;

/** The next digest at or after `at` for the worker: today's if its time has not come yet, else tomorrow's. */
export function digestSlot(workerId: string, at: Date, digestTime: string, quietHours: QuietHours): DigestSlot {
  const today = localDay(at, quietHours.timeZone);
  let time = zonedTime(today, digestTime, quietHours.timeZone);
  if (time.getTime() <= at.getTime()) {
    const tomorrow = localDay(new Date(zonedTime(today, '12:00', quietHours.timeZone).getTime() + 24 * 3600_000), quietHours.timeZone);
    time = zonedTime(tomorrow, digestTime, quietHours.timeZone);
  }
  const day = localDay(time, quietHours.timeZone);
  return { digestId: digestIdOf(workerId, day), day, dueAt: quietEndsAt(time, quietHours) };
}

export interface DigestEntry {
  matchId: string;
  /** Withdrawn or placed since it was proposed: no longer worth telling. */
  withdrawn: boolean;
}

export type DigestPlan =
  | { action: 'send'; matchIds: string[]; deliveries: Delivery[] }
  /** Nothing left to tell (every match withdrawn): no message at all. */
  | { action: 'skip' }
  /** The quiet hours hold the SMS: the whole digest waits, so it stays one message per day. */
  | { action: 'postpone'; until: Date };

/** What to do with a worker's digest when it is due: the channel rules as for one match, over the matches still valid. */
export function planDigest(input: { contact: Contact | null; entries: DigestEntry[]; now: Date; quietHours: QuietHours }): DigestPlan {
  const matchIds = input.entries.filter((entry) => !entry.withdrawn).map((entry) => entry.matchId);
  if (matchIds.length === 0) return { action: 'skip' };
  if (isQuiet(input.now, input.quietHours)) return { action: 'postpone', until: quietEndsAt(input.now, input.quietHours) };
  const deliveries = planDeliveries({ contact: input.contact, now: input.now, quietHours: input.quietHours, withdrawn: false, capped: false });
  return { action: 'send', matchIds, deliveries };
}
