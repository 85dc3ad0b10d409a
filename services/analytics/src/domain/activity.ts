import { inPeriod } from './periods.js';
import { vietnamDayOf } from './local-day.js';
import type { EmployerProjection, MatchProjection, NotificationProjection, PlacementProjection, VacancyProjection } from './projections.js';

export interface ActivityInput {
  registrationDays: Iterable<[string, number]>;
  vacancies: Iterable<VacancyProjection>;
  matches: Iterable<MatchProjection>;
  placements: Iterable<PlacementProjection>;
  notifications: Iterable<NotificationProjection>;
  employers: Iterable<EmployerProjection>;
}

/** What happened in a period (all time without one): the service's throughput, for managers. */
export function computeActivity(input: ActivityInput, period?: string) {
  const inside = period === undefined ? () => true : inPeriod(period);
  const at = (instant: string) => inside(vietnamDayOf(new Date(instant)));
  let registrations = 0;
  for (const [day, count] of input.registrationDays) if (inside(day)) registrations += count;
  let vacanciesOpened = 0;
  let positionsOpened = 0;
  for (const v of input.vacancies) {
    if (v.openedAt !== undefined && at(v.openedAt)) {
      vacanciesOpened += 1;
      positionsOpened += v.positions;
    }
  }
  const matchesProposed = [...input.matches].filter((m) => at(m.proposedAt)).length;
  const placements = [...input.placements].filter((p) => at(p.hiredAt)).length;
  const notifications: Record<string, { sent: number; failed: number }> = {};
  for (const n of input.notifications) {
    if (!at(n.at)) continue;
    const channel = (notifications[n.channel] ??= { sent: 0, failed: 0 });
    channel[n.outcome] += 1;
  }
  const employers = { active: 0, fdi: 0 };
  for (const e of input.employers) {
    if (e.status !== 'active') continue;
    employers.active += 1;
    if (e.fdi) employers.fdi += 1;
  }
  return { period: period ?? null, registrations, vacanciesOpened, positionsOpened, matchesProposed, placements, notifications, employers };
}
