import { locationAtKm, relocateValueOf } from '../domain/evaluate.js';
import { groupLocationValue, type WorkerExtremes } from '../domain/group-bounds.js';
import type { MatchVacancy } from '../domain/model.js';
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
 * taken as workerGroupBound takes it (groupLocationValue). A member's own
 * location term added back (memberLocation, never above the group's best)
 * bounds them; the rounding of the subtraction is far below the margin
 * `rest` carries.
 */
export function groupLocal(ctx: ScoringContext, v: MatchVacancy, g: WorkerExtremes, rest: number, out: GroupLocal): GroupLocal {
  out.km = ctx.tables.distanceKm(g.place, v.place);
  out.relocateValue = relocateValueOf(ctx, v.housing);
  out.restButLocation = rest - ctx.weights[3]! * groupLocationValue(ctx, g, out.km, out.relocateValue);
  return out;
}

/** A member's location factor (as `evaluate` takes it) at the group's place. */
export const memberLocation = (ctx: ScoringContext, local: GroupLocal, commuteTenths: number, flags: number): number =>
  locationAtKm(ctx, local.km, commuteTenths, flags, local.relocateValue);
