import { failedFilter, BELOW_MIN_SCORE } from './hard-filters.js';
import { experienceValue, languagesValue, locationValue, occupationValue, qualificationValue, skillsValue, wageValue } from './factors.js';
import { NO_LIMIT, WORKER_FLAGS, type MatchVacancy, type MatchWorker } from './model.js';
import { FACTOR_COUNT } from './scoring-config.js';
import type { ScoringContext } from './scoring-context.js';

/** The priority boost: once for belonging to any group, once more when the vacancy welcomes one of them. */
export const boostOf = (ctx: ScoringContext, w: MatchWorker, v: MatchVacancy): number => boostFor(ctx, w.priority, v);

export const boostFor = (ctx: ScoringContext, priority: number, v: Pick<MatchVacancy, 'welcomed'>): number =>
  priority === 0 ? 0 : ctx.config.priorityBoost + ((priority & v.welcomed) !== 0 ? ctx.config.welcomedBoost : 0);

/** The location factor's value for a worker willing to move there (more with housing). */
export const relocateValueOf = (ctx: ScoringContext, housing: boolean): number => (housing ? ctx.config.relocateWithHousingValue : ctx.config.relocateValue);

/** The location factor of a worker `km` from the vacancy, from their commute limit and willingness to move. */
export function locationAtKm(ctx: ScoringContext, km: number, maxCommuteTenths: number, flags: number, relocateValue: number): number {
  const limitKm = maxCommuteTenths === NO_LIMIT ? ctx.config.defaultMaxCommuteKm : maxCommuteTenths / 10;
  return locationValue(km, limitKm, (flags & WORKER_FLAGS.relocate) !== 0, relocateValue);
}

function locationAt(ctx: ScoringContext, v: Pick<MatchVacancy, 'place' | 'housing'>, place: number, maxCommuteTenths: number, flags: number): number {
  return locationAtKm(ctx, ctx.tables.distanceKm(place, v.place), maxCommuteTenths, flags, relocateValueOf(ctx, v.housing));
}

const locationOf = (ctx: ScoringContext, w: MatchWorker, v: MatchVacancy): number => locationAt(ctx, v, w.place, w.maxCommuteTenths, w.flags);

export { locationAt };

/** Fills `out` with the factor values in FACTOR_NAMES order. */
export function factorValues(ctx: ScoringContext, w: MatchWorker, v: MatchVacancy, out: Float64Array): void {
  const { tables } = ctx;
  const skills = w.at + w.nOccupations;
  const languages = skills + w.nSkills + w.nCertificates;
  out[0] = occupationValue(tables, w.lists, w.at, skills, v.occupation);
  out[1] = skillsValue(tables, w.lists, skills, skills + w.nSkills, v.skills, v.skillWeights);
  out[2] = qualificationValue(w.qualification, v.minQualification);
  out[3] = locationOf(ctx, w, v);
  out[4] = wageValue(w.expectedWageK, v.wageMaxK);
  out[5] = experienceValue(w.experienceTenths, v.minExperienceTenths);
  out[6] = languagesValue(tables, w.lists, languages, languages + w.nLanguages, v.requiredLanguages, v.preferredLanguages);
}

const scratch = new Float64Array(FACTOR_COUNT);

/**
 * The score of a pair (base + boost), or minus the code of the hard filter
 * it fails (NON_MATCH_REASONS). The one function the index, the oracle and
 * the explanation all use, so they agree to the last bit.
 */
export function evaluate(ctx: ScoringContext, w: MatchWorker, v: MatchVacancy, out: Float64Array = scratch): number {
  const failed = failedFilter(ctx.tables, ctx.config, ctx.asOfMonth, w, v);
  if (failed !== 0) return -failed;
  factorValues(ctx, w, v, out);
  let base = 0;
  for (let f = 0; f < FACTOR_COUNT; f += 1) base += ctx.weights[f]! * out[f]!;
  if (base < ctx.config.minScore) return -BELOW_MIN_SCORE;
  return base + boostOf(ctx, w, v);
}

/** No pair with this occupation value can score more (pruning bound; ε for rounding). */
export const upperBound = (ctx: ScoringContext, occupation: number): number =>
  ctx.weights[0]! * occupation + (1 - ctx.weights[0]!) + ctx.maxBoost + 1e-9;

const bounds = new Float64Array(FACTOR_COUNT);

/**
 * A bound on the pair's score from its cheap factors, with skills and
 * languages counted as full and the occupation value given. Summed in the
 * same order as `evaluate`, and rounding is monotonic, so it is never below
 * the exact score.
 */
export function cheapBound(ctx: ScoringContext, w: MatchWorker, v: MatchVacancy, occupation: number, skills = 1): number {
  return cheapBoundOf(ctx, v, occupation, w.qualification, w.place, w.maxCommuteTenths, w.flags, w.expectedWageK, w.experienceTenths, w.priority, skills);
}

/**
 * cheapBound from the worker's scalars, so the index can bound a worker
 * without materialising it; `skills` is a ceiling of the skills factor when
 * the caller knows one (else 1).
 */
export function cheapBoundOf(
  ctx: ScoringContext,
  v: MatchVacancy,
  occupation: number,
  qualification: number,
  place: number,
  maxCommuteTenths: number,
  flags: number,
  expectedWageK: number,
  experienceTenths: number,
  priority: number,
  skills = 1,
): number {
  bounds[0] = occupation;
  bounds[1] = skills;
  bounds[2] = qualificationValue(qualification, v.minQualification);
  bounds[3] = locationAt(ctx, v, place, maxCommuteTenths, flags);
  bounds[4] = wageValue(expectedWageK, v.wageMaxK);
  bounds[5] = experienceValue(experienceTenths, v.minExperienceTenths);
  bounds[6] = 1;
  let base = 0;
  for (let f = 0; f < FACTOR_COUNT; f += 1) base += ctx.weights[f]! * bounds[f]!;
  return base + boostFor(ctx, priority, v);
}
