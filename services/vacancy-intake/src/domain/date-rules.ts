import type { VacancyTerms } from './vacancy-terms.js';
import { addDays } from './vietnam-time.js';
import { violation, type Violation } from './violation.js';

/** How far ahead a deadline or start date may be. */
export const MAX_DAYS_AHEAD = 365;

type DateTerms = Pick<VacancyTerms, 'deadline' | 'startDate'>;

/**
 * Deadline and start date: not in the past, not more than a year ahead.
 * On an update only the dates that change are judged, so a vacancy whose
 * start date has passed can still be edited.
 */
export function dateViolations(terms: DateTerms, today: string, previous?: DateTerms): Violation[] {
  const found: Violation[] = [];
  const latest = addDays(today, MAX_DAYS_AHEAD);
  const judge = (field: 'deadline' | 'startDate', label: string) => {
    const value = terms[field];
    if (value === undefined || (previous !== undefined && previous[field] === value)) return;
    if (value < today) found.push(violation(field, 'DATE_IN_PAST', `the ${label} ${value} has passed (today is ${today} in Vietnam)`));
    else if (value > latest) found.push(violation(field, 'DATE_TOO_FAR', `the ${label} is more than ${MAX_DAYS_AHEAD} days ahead`));
  };
  judge('deadline', 'application deadline');
  judge('startDate', 'start date');
  return found;
}
