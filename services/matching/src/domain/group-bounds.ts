import { boostFor, locationAt, relocateValueOf } from './evaluate.js';
import { experienceValue, locationValue, qualificationValue, wageValue } from './factors.js';
import type { MatchVacancy, MatchWorker } from './model.js';
import type { ScoringContext } from './scoring-context.js';

/** The best of each cheap factor over a group of workers of one place (see WorkerGroup). */
export interface WorkerExtremes {
  place: number;
  maxQualification: number;
  maxExperienceTenths: number;
  minExpectedWageK: number;
  maxCommuteTenths: number;
  noLimit: boolean;
  relocate: boolean;
  priority: number;
}

/** The best of each cheap factor over a group of open vacancies of one place (see VacancyGroup). */
export interface VacancyExtremes {
  place: number;
  minQualification: number;
  maxWageK: number;
  minExperienceTenths: number;
  housing: boolean;
  noHousing: boolean;
  welcomed: number;
}

/**
 * Every factor is monotonic in the extreme it is given (a higher
 * qualification, a longer commute limit, a lower wage expectation... never
 * scores less), and the terms are added in the order `evaluate` adds them,
 * with skills and languages at 1: so no pair of the group scores more than
 * this. A group whose bound is below the k-th score is skipped whole.
 */
export function workerGroupBound(ctx: ScoringContext, v: MatchVacancy, occupation: number, g: WorkerExtremes): number {
  const { weights } = ctx;
  const location = groupLocationValue(ctx, g, ctx.tables.distanceKm(g.place, v.place), relocateValueOf(ctx, v.housing));
  let base = weights[0]! * occupation;
  base += weights[1]!;
  base += weights[2]! * qualificationValue(g.maxQualification, v.minQualification);
  base += weights[3]! * location;
  base += weights[4]! * wageValue(g.minExpectedWageK, v.wageMaxK);
  base += weights[5]! * experienceValue(g.maxExperienceTenths, v.minExperienceTenths);
  base += weights[6]!;
  return base + boostFor(ctx, g.priority, v);
}

/** The best location factor among a group of workers `km` from the vacancy (`relocateValue`: relocateValueOf the vacancy). */
export function groupLocationValue(ctx: ScoringContext, g: WorkerExtremes, km: number, relocateValue: number): number {
  let location = g.relocate ? relocateValue : 0;
  if (g.maxCommuteTenths >= 0) location = Math.max(location, locationValue(km, g.maxCommuteTenths / 10, g.relocate, relocateValue));
  if (g.noLimit) location = Math.max(location, locationValue(km, ctx.config.defaultMaxCommuteKm, g.relocate, relocateValue));
  return location;
}

/** The same for one worker against a group of vacancies of one occupation and place. */
export function vacancyGroupBound(ctx: ScoringContext, w: MatchWorker, occupation: number, g: VacancyExtremes): number {
  return vacancyBoundAt(ctx, w, occupation, groupLocation(ctx, w, g.place, g.housing, g.noHousing), g.minQualification, g.maxWageK, g.minExperienceTenths, g.welcomed);
}

/** The best location factor for the worker among vacancies at `place`, with housing (`housing`), without (`noHousing`), or both. */
export function groupLocation(ctx: ScoringContext, w: MatchWorker, place: number, housing: boolean, noHousing: boolean): number {
  let location = 0;
  if (housing) location = locationAt(ctx, { place, housing: true }, w.place, w.maxCommuteTenths, w.flags);
  if (noHousing) location = Math.max(location, locationAt(ctx, { place, housing: false }, w.place, w.maxCommuteTenths, w.flags));
  return location;
}

/**
 * vacancyGroupBound from the group's extremes and its location factor
 * (`groupLocation`), so that a caller can bound many groups of one place
 * from columns. With one vacancy's own values and its skills factor
 * (`skills`), the same number as its cheapBound (the same terms in the
 * same order).
 */
export function vacancyBoundAt(
  ctx: ScoringContext,
  w: MatchWorker,
  occupation: number,
  location: number,
  minQualification: number,
  maxWageK: number,
  minExperienceTenths: number,
  welcomed: number,
  skills = 1,
): number {
  const { weights } = ctx;
  let base = weights[0]! * occupation;
  base += weights[1]! * skills;
  base += weights[2]! * qualificationValue(w.qualification, minQualification);
  base += weights[3]! * location;
  base += weights[4]! * wageValue(w.expectedWageK, maxWageK);
  base += weights[5]! * experienceValue(w.experienceTenths, minExperienceTenths);
  base += weights[6]!;
  return base + boostFor(ctx, w.priority, { welcomed });
}
