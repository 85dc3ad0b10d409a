import { cheapBound, evaluate, upperBound } from '../domain/evaluate.js';
import { vacancyGroupBound } from '../domain/group-bounds.js';
import { occupationValue } from '../domain/factors.js';
import { skillsOf, type MatchVacancy, type MatchWorker } from '../domain/model.js';
import type { Ranked } from '../domain/ranking.js';
import type { ScoringContext } from '../domain/scoring-context.js';
import { occupationTiers, TIER_VALUES } from './occupation-tiers.js';
import { TopKCollector } from './top-k-collector.js';
import { BoundHeap } from './bound-heap.js';
import { skillCredits, skillsFromCredits } from './skill-shares.js';
import type { VacancyBlock, VacancyGroup, VacancyIndex, VacancyPlace } from './vacancy-index.js';
import { isAvailable } from './worker-extremes.js';

const groupHeap = new BoundHeap<VacancyGroup>();
const placeHeap = new BoundHeap<VacancyPlace>();
/** Occupation id → whether it is in the last tier of the current query. */
let inLastTier = new Uint8Array(0);
/** The current worker's credit for each skill (`skillCredits`). */
let credits: Float64Array = new Float64Array(0);
/** What the last topVacancies call did (for the benchmark): groups bounded, vacancies bounded one by one, vacancies fully scored. */
export const lastWorkerQuery = { groups: 0, vacancies: 0, scored: 0 };
/** Added to a bound lowered by subtraction, so that rounding never puts it below a score. */
const MARGIN = 1e-9;

/** vacancyGroupBound less the skills term (MARGIN added): the skills factor's ceiling is added to it (`reaches`). */
function restBound(ctx: ScoringContext, w: MatchWorker, occupation: number, block: VacancyBlock): number {
  return vacancyGroupBound(ctx, w, occupation, block) - ctx.weights[1]! + MARGIN;
}

/**
 * `rest` plus the skills factor at the block's ceiling for the worker
 * (SkillShares: the largest share of each skill asked times the worker's
 * credit for it; 1 when one of its vacancies asks no skill): the block's bound.
 */
function skillsBound(ctx: ScoringContext, block: VacancyBlock, rest: number): number {
  return rest + ctx.weights[1]! * (block.noSkills ? 1 : block.shares.ceiling(credits));
}

/**
 * Whether the block's bound (`skillsBound`) can reach `threshold`, the
 * ceiling summed only as far as needed, and only when the cheaper bound
 * with the skills factor at 1 does.
 */
function reaches(ctx: ScoringContext, block: VacancyBlock, rest: number, threshold: number): boolean {
  const weight = ctx.weights[1]!;
  if (rest + weight < threshold) return false;
  return block.noSkills || block.shares.reaches(credits, rest, weight, threshold);
}

/**
 * Exact top-K open vacancies for a worker. Vacancies are visited by
 * occupation tier, most similar first; within a tier, by (occupation, place)
 * group in order of the group's bound (its skills ceiling for the worker
 * included), and a tier, group or run of vacancies that cannot beat the
 * k-th score is skipped whole; within a group, each vacancy's skills factor
 * and cheap bound decide whether it is scored. The last tier (most
 * occupations) is entered by place: each place's bound covers its groups of
 * every occupation.
 */
export function topVacancies(ctx: ScoringContext, vacancies: VacancyIndex, w: MatchWorker, k: number): Ranked[] {
  const out = new TopKCollector(k, ctx.config.minScore);
  lastWorkerQuery.groups = 0;
  lastWorkerQuery.vacancies = 0;
  lastWorkerQuery.scored = 0;
  if (!isAvailable(w.flags)) return [];
  credits = skillCredits(ctx.tables, w.lists, ...skillsOf(w), credits);
  const tiers = occupationTiers(ctx.tables, vacancies.openByOccupation.keys(), w.lists, w.at, w.at + w.nOccupations);
  const weight = ctx.weights[1]!;
  for (let t = 0; t < TIER_VALUES.length; t += 1) {
    const value = TIER_VALUES[t]!;
    if (out.closedTo(upperBound(ctx, value))) break;
    if (value === 0) {
      visitLastTier(ctx, vacancies, w, tiers[t]!, out);
      break;
    }
    // Best bound first, each group's skills ceiling only summed when the group comes to the top (BoundHeap).
    groupHeap.clear();
    for (const key of tiers[t]!)
      for (const group of vacancies.openByOccupation.get(key)?.values() ?? []) {
        const rest = restBound(ctx, w, value, group);
        if (!(rest + weight < out.threshold)) groupHeap.push(group, rest + weight, rest);
      }
    groupHeap.heapify();
    for (let top = groupHeap.top(); top && !(top.key < out.threshold); top = groupHeap.top()) {
      if (!top.refined) groupHeap.refineTop(skillsBound(ctx, top.item, top.rest));
      else {
        lastWorkerQuery.groups += 1;
        const { item: group, rest } = top;
        groupHeap.pop();
        visitGroup(ctx, w, group, value, rest, out);
      }
    }
  }
  groupHeap.clear();
  return out.list;
}

/**
 * The open vacancies whose list a worker could enter (or that have room),
 * into `out`: a group of vacancies is passed over when its bound for the
 * worker is below the lowest k-th score of its lists (noted by the engine,
 * VacancyIndex.noteThreshold); for the occupations the worker has no
 * similarity with, whole places are bounded first. In a group that could,
 * each vacancy is then bounded against its own list's k-th score, as a
 * top-20 query bounds it (the group's bound for the rest plus its skills
 * factor from the worker's credits, then its cheap bound): what is listed
 * is left for the caller to score.
 */
export function reachableVacancies(ctx: ScoringContext, vacancies: VacancyIndex, w: MatchWorker, out: MatchVacancy[]): MatchVacancy[] {
  out.length = 0;
  if (!isAvailable(w.flags)) return out;
  credits = skillCredits(ctx.tables, w.lists, ...skillsOf(w), credits);
  if (inLastTier.length < ctx.tables.occupations.size) inLastTier = new Uint8Array(ctx.tables.occupations.size);
  const lastTier: number[] = [];
  for (const [occupation, byPlace] of vacancies.openByOccupation) {
    const value = occupationValue(ctx.tables, w.lists, w.at, w.at + w.nOccupations, occupation);
    if (value === 0) {
      lastTier.push(occupation);
      inLastTier[occupation] = 1;
      continue;
    }
    for (const group of byPlace.values()) listReachable(ctx, vacancies, w, group, value, out);
  }
  if (lastTier.length > 0)
    for (const place of vacancies.places.values()) {
      if (place.groups.length === 0) continue;
      place.tighten();
      if (!reaches(ctx, place, restBound(ctx, w, 0, place), vacancies.placeThreshold(place))) continue;
      for (const group of place.groups) if (inLastTier[group.occupation] === 1) listReachable(ctx, vacancies, w, group, 0, out);
    }
  for (const occupation of lastTier) inLastTier[occupation] = 0;
  return out;
}

/** The vacancies of a group whose own list the worker could enter, into `out` (nothing when the group's bound cannot reach its lowest k-th score). */
function listReachable(ctx: ScoringContext, vacancies: VacancyIndex, w: MatchWorker, group: VacancyGroup, occupation: number, out: MatchVacancy[]): void {
  const rest = restBound(ctx, w, occupation, group);
  if (!reaches(ctx, group, rest, vacancies.groupThreshold(group))) return;
  for (const v of group.vacancies.values()) if (vacancyReaches(ctx, w, v, occupation, rest, vacancies.thresholdOf(v.id))) out.push(v);
}

/** The group's bound for everything but skills (`rest`) plus the vacancy's skills factor from the worker's credits (a few reads), then its cheap bound with that factor, can reach `threshold`. */
function vacancyReaches(ctx: ScoringContext, w: MatchWorker, v: MatchVacancy, occupation: number, rest: number, threshold: number): boolean {
  const skills = skillsFromCredits(v, credits);
  return !(rest + ctx.weights[1]! * skills < threshold) && !(cheapBound(ctx, w, v, occupation, skills) < threshold);
}

/**
 * Each vacancy of a group: first the group's bound for everything but
 * skills plus the vacancy's skills factor (from the worker's credits, a few
 * reads), then its cheap bound with that factor, then its score. A big
 * group is visited by runs of vacancies with like skills, and a run whose
 * skills ceiling cannot reach the k-th score is skipped whole.
 */
function visitGroup(ctx: ScoringContext, w: MatchWorker, group: VacancyGroup, occupation: number, rest: number, out: TopKCollector): void {
  const weight = ctx.weights[1]!;
  const runs = group.blocks();
  if (!runs) {
    for (const v of group.vacancies.values()) visitVacancy(ctx, w, v, occupation, rest, out);
    return;
  }
  for (const run of runs) {
    if (!run.noSkills && !run.shares.reaches(credits, rest, weight, out.threshold)) continue;
    for (const v of run.vacancies) visitVacancy(ctx, w, v, occupation, rest, out);
  }
}

function visitVacancy(ctx: ScoringContext, w: MatchWorker, v: MatchVacancy, occupation: number, rest: number, out: TopKCollector): void {
  lastWorkerQuery.vacancies += 1;
  if (!vacancyReaches(ctx, w, v, occupation, rest, out.threshold)) return;
  lastWorkerQuery.scored += 1;
  out.offer(v.id, evaluate(ctx, w, v));
}

function visitLastTier(ctx: ScoringContext, vacancies: VacancyIndex, w: MatchWorker, keys: number[], out: TopKCollector): void {
  if (inLastTier.length < ctx.tables.occupations.size) inLastTier = new Uint8Array(ctx.tables.occupations.size);
  for (const key of keys) inLastTier[key] = 1;
  const weight = ctx.weights[1]!;
  placeHeap.clear();
  for (const place of vacancies.places.values()) {
    place.tighten();
    if (place.groups.length === 0) continue;
    const rest = restBound(ctx, w, 0, place);
    if (!(rest + weight < out.threshold)) placeHeap.push(place, rest + weight, rest);
  }
  placeHeap.heapify();
  for (let top = placeHeap.top(); top && !(top.key < out.threshold); top = placeHeap.top()) {
    if (!top.refined) {
      placeHeap.refineTop(skillsBound(ctx, top.item, top.rest));
      continue;
    }
    const place = top.item;
    placeHeap.pop();
    for (const group of place.groups) {
      if (inLastTier[group.occupation] !== 1) continue;
      lastWorkerQuery.groups += 1;
      const groupRest = restBound(ctx, w, 0, group);
      if (reaches(ctx, group, groupRest, out.threshold)) visitGroup(ctx, w, group, 0, groupRest, out);
    }
  }
  for (const key of keys) inLastTier[key] = 0;
  placeHeap.clear();
}
