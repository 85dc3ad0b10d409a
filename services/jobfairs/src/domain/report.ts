import { PRIORITY_GROUP_KEYS } from '@ketnoi/contracts';
import type { BoothState, FairState, InterviewState, PriorityGroups, RegistrationState } from './model.js';

export interface Counts {
  interviewsScheduled: number;
  interviewsHeld: number;
  noShows: number;
  offers: number;
  hires: number;
}

export interface BoothRow extends Counts {
  boothId: string;
  label: string;
  employerId: string;
  employerName: string;
  vacancies: number;
  matchedAttendees: number;
}

export interface GroupRow {
  group: keyof PriorityGroups | 'any';
  registered: number;
  checkedIn: number;
  interviewed: number;
  hired: number;
}

export interface FairReport {
  fairId: string;
  title: string;
  theme: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  registered: number;
  checkedIn: number;
  attendanceRate: number;
  totals: Counts;
  booths: BoothRow[];
  priorityReach: GroupRow[];
}

const HELD: ReadonlySet<string> = new Set(['held', 'offered', 'hired']);
const OFFERED: ReadonlySet<string> = new Set(['offered', 'hired']);

function counts(interviews: readonly InterviewState[]): Counts {
  const live = interviews.filter((i) => i.status !== 'cancelled');
  return {
    interviewsScheduled: live.length,
    interviewsHeld: live.filter((i) => HELD.has(i.status)).length,
    noShows: live.filter((i) => i.status === 'no-show').length,
    offers: live.filter((i) => OFFERED.has(i.status)).length,
    hires: live.filter((i) => i.status === 'hired').length,
  };
}

const GROUPS: readonly (keyof PriorityGroups)[] = PRIORITY_GROUP_KEYS;

function reach(group: GroupRow['group'], registrations: readonly RegistrationState[], interviews: readonly InterviewState[]): GroupRow {
  const inGroup = registrations.filter((r) => (group === 'any' ? GROUPS.some((g) => r.priority[g]) : r.priority[group]));
  const workers = new Set(inGroup.map((r) => r.workerId));
  const mine = interviews.filter((i) => workers.has(i.workerId));
  return {
    group,
    registered: inGroup.length,
    checkedIn: inGroup.filter((r) => r.checkedInAt !== undefined).length,
    interviewed: new Set(mine.filter((i) => HELD.has(i.status)).map((i) => i.workerId)).size,
    hired: new Set(mine.filter((i) => i.status === 'hired').map((i) => i.workerId)).size,
  };
}

/** The fair-level report: attendance, interviews, offers and hires per booth, and priority-group reach. */
export function fairReport(
  fair: FairState,
  booths: readonly BoothState[],
  registrations: readonly RegistrationState[],
  interviews: readonly InterviewState[],
  matchedAttendees: (booth: BoothState) => number,
): FairReport {
  const checkedIn = registrations.filter((r) => r.checkedInAt !== undefined).length;
  return {
    fairId: fair.fairId,
    title: fair.title,
    theme: fair.theme,
    startsAt: fair.startsAt,
    endsAt: fair.endsAt,
    capacity: fair.capacity,
    registered: registrations.length,
    checkedIn,
    attendanceRate: registrations.length === 0 ? 0 : Math.round((checkedIn / registrations.length) * 1000) / 1000,
    totals: counts(interviews),
    booths: [...booths]
      .sort((a, b) => a.label.localeCompare(b.label))
      .map((booth) => ({
        boothId: booth.boothId,
        label: booth.label,
        employerId: booth.employerId,
        employerName: booth.employerName,
        vacancies: booth.vacancyIds.length,
        matchedAttendees: matchedAttendees(booth),
        ...counts(interviews.filter((i) => i.boothId === booth.boothId)),
      })),
    priorityReach: [...GROUPS, 'any' as const].map((group) => reach(group, registrations, interviews)),
  };
}
