import { PRIORITY_GROUP_KEYS } from '@ketnoi/contracts';
import type { AttendeeProjection, BoothProjection, FairProjection, InterviewProjection, PriorityGroups } from './jobfair-projections.js';

export const FAIR_GROUPS = PRIORITY_GROUP_KEYS satisfies readonly (keyof PriorityGroups)[];
export type FairGroup = (typeof FAIR_GROUPS)[number] | 'any';

export interface InterviewCounts {
  interviewsScheduled: number;
  interviewsCancelled: number;
  interviewsHeld: number;
  noShows: number;
  offers: number;
  hires: number;
}

export interface BoothRow extends InterviewCounts {
  boothId: string;
  label: string;
  employerId: string | null;
  employerName: string | null;
  vacancies: number | null;
}

export interface GroupRow {
  group: FairGroup;
  registered: number;
  checkedIn: number;
  interviewed: number;
  hired: number;
}

export interface Attendance {
  registered: number;
  checkedIn: number;
  /** checked in ÷ registered, 3 decimals; null without registrations. */
  attendanceRate: number | null;
}

export interface FairFacts {
  fair: FairProjection;
  booths: Iterable<BoothProjection>;
  attendees: Iterable<AttendeeProjection>;
  interviews: Iterable<InterviewProjection>;
}

const HELD = new Set(['held', 'offered', 'hired']);
/** A hire is an offer too, even when no offer was recorded before it. */
const OFFERED = new Set(['offered', 'hired']);

/** Interview counts: cancelled interviews are not scheduled; a hire counts once per placement. */
export function countInterviews(interviews: readonly InterviewProjection[]): InterviewCounts {
  const live = interviews.filter((i) => i.status !== 'cancelled');
  const hires = new Set(live.filter((i) => i.status === 'hired').map((i) => i.placementId ?? `interview:${i._id}`));
  return {
    interviewsScheduled: live.length,
    interviewsCancelled: interviews.length - live.length,
    interviewsHeld: live.filter((i) => HELD.has(i.status)).length,
    noShows: live.filter((i) => i.status === 'no-show').length,
    offers: live.filter((i) => OFFERED.has(i.status)).length,
    hires: hires.size,
  };
}

export function attendanceOf(attendees: readonly AttendeeProjection[]): Attendance {
  // A check-in means a registration, even if the registration's event was never seen.
  const registered = attendees.filter((a) => a.registeredAt !== undefined || a.checkedInAt !== undefined).length;
  const checkedIn = attendees.filter((a) => a.checkedInAt !== undefined).length;
  return { registered, checkedIn, attendanceRate: registered === 0 ? null : Math.round((checkedIn / registered) * 1000) / 1000 };
}

/** Per booth, by label; interviews at a booth whose registration was not seen get a row under the booth id. */
export function boothRows(booths: readonly BoothProjection[], interviews: readonly InterviewProjection[]): BoothRow[] {
  const byBooth = new Map<string, InterviewProjection[]>(booths.map((b) => [b._id, []]));
  for (const i of interviews) {
    const list = byBooth.get(i.boothId);
    if (list) list.push(i);
    else byBooth.set(i.boothId, [i]);
  }
  const known = new Map(booths.map((b) => [b._id, b]));
  return [...byBooth]
    .map(([boothId, mine]): BoothRow => {
      const booth = known.get(boothId);
      return {
        boothId,
        label: booth?.label ?? boothId,
        employerId: booth?.employerId ?? null,
        employerName: booth?.employerName ?? null,
        vacancies: booth?.vacancies ?? null,
        ...countInterviews(mine),
      };
    })
    .sort((a, b) => a.label.localeCompare(b.label, 'vi', { numeric: true }) || a.boothId.localeCompare(b.boothId));
}

/** Distinct workers per priority group (and in any group): registered, checked in, interviewed (held), hired. */
export function priorityReach(attendees: readonly AttendeeProjection[], interviews: readonly InterviewProjection[]): GroupRow[] {
  const flags = new Map<string, PriorityGroups>();
  for (const i of interviews) if (i.priority) flags.set(i.attendee, i.priority);
  for (const a of attendees) flags.set(a._id, a.priority);
  const live = interviews.filter((i) => i.status !== 'cancelled');
  const registered = attendees.filter((a) => a.registeredAt !== undefined || a.checkedInAt !== undefined).map((a) => a._id);
  const checkedIn = attendees.filter((a) => a.checkedInAt !== undefined).map((a) => a._id);
  const interviewed = [...new Set(live.filter((i) => HELD.has(i.status)).map((i) => i.attendee))];
  const hired = [...new Set(live.filter((i) => i.status === 'hired').map((i) => i.attendee))];
  const inGroup = (group: FairGroup) => (key: string) => {
    const f = flags.get(key);
    return f !== undefined && (group === 'any' ? FAIR_GROUPS.some((g) => f[g]) : f[group]);
  };
  return [...FAIR_GROUPS, 'any' as const].map((group) => ({
    group,
    registered: registered.filter(inGroup(group)).length,
    checkedIn: checkedIn.filter(inGroup(group)).length,
    interviewed: interviewed.filter(inGroup(group)).length,
    hired: hired.filter(inGroup(group)).length,
  }));
}

export interface FairSummary extends Attendance, InterviewCounts {
  fairId: string;
  title: string;
  theme: FairProjection['theme'];
  status: FairProjection['status'];
  format: FairProjection['format'];
  startsAt: string;
  endsAt: string;
  venueKind: FairProjection['venueKind'] | null;
  communeCode: string | null;
  capacity: number;
  booths: number;
  /** Distinct workers registered who are in at least one priority group. */
  priorityRegistered: number;
}

export interface FairReport {
  fair: FairSummary;
  booths: BoothRow[];
  priorityReach: GroupRow[];
}

/** The fair-level report: attendance, interviews per booth, priority-group reach. */
export function fairReport({ fair, booths, attendees, interviews }: FairFacts): FairReport {
  const boothList = [...booths];
  const attendeeList = [...attendees];
  const interviewList = [...interviews];
  const reach = priorityReach(attendeeList, interviewList);
  const summary: FairSummary = {
    fairId: fair._id,
    title: fair.title,
    theme: fair.theme,
    status: fair.status,
    format: fair.format,
    startsAt: fair.startsAt,
    endsAt: fair.endsAt,
    venueKind: fair.venueKind ?? null,
    communeCode: fair.communeCode ?? null,
    capacity: fair.capacity,
    booths: boothList.length,
    ...attendanceOf(attendeeList),
    ...countInterviews(interviewList),
    priorityRegistered: reach.find((r) => r.group === 'any')?.registered ?? 0,
  };
  return { fair: summary, booths: boothRows(boothList, interviewList), priorityReach: reach };
}
