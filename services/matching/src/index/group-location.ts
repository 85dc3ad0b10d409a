import { locationValue } from '../domain/factors.js';
import type { WorkerExtremes } from '../domain/group-bounds.js';
import { NO_LIMIT, WORKER_FLAGS, type MatchVacancy } from '../domain/model.js';
import type { ScoringContext } from '../domain/scoring-context.js';

/** What a group's members share in the location factor for a vacancy, and the group's bound without it. */
export interface GroupLocal {
  km: number;
  relocateValue: number;
  /** The group's bound for everything but skills (`rest`) less its best location term. */
  restButLocation: number;
}

/**
 * Into `out`: the road km from the group's place to the vacancy, the value
 * of moving there, and `rest` (a bound for everything but skills, from
 * workerGroupBound) less the weighted location factor at the group's best,
 * taken as workerGroupBound takes it. A member's own location term added
 * back (memberLocation, never above the group's best) bounds them; the
 * rounding of the subtraction is far below the margin `rest` carries.
 */
export function groupLocal(ctx: ScoringContext, v: MatchVacancy, g: WorkerExtremes, rest: number, out: GroupLocal): GroupLocal {
  const { config } = ctx;
  const km = ctx.tables.distanceKm(g.place, v.place);
  const relocateValue = v.housing ? config.relocateWithHousingValue : config.relocateValue;
  let best = g.relocate ? relocateValue : 0;
  if (g.maxCommuteTenths >= 0) best = Math.max(best, locationValue(km, g.maxCommuteTenths / 10, g.relocate, relocateValue));
  if (g.noLimit) best = Math.max(best, locationValue(km, config.defaultMaxCommuteKm, g.relocate, relocateValue));
  out.km = km;
  out.relocateValue = relocateValue;
  out.restButLocation = rest - ctx.weights[3]! * best;
  return out;
}

/** A member's location factor (as `evaluate` takes it) at the group's place. */
export function memberLocation(ctx: ScoringContext, local: GroupLocal, commuteTenths: number, flags: number): number {
  const limitKm = commuteTenths === NO_LIMIT ? ctx.config.defaultMaxCommuteKm : commuteTenths / 10;
  return locationValue(local.km, limitKm, (flags & WORKER_FLAGS.relocate) !== 0, local.relocateValue);
}
