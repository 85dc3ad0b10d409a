import { cheapBound, evaluate, upperBound } from '../domain/evaluate.js';
import { vacancyGroupBound } from '../domain/group-bounds.js';
import { occupationValue, skillsValue } from '../domain/factors.js';
import { skillsOf, WORKER_FLAGS, type MatchVacancy, type MatchWorker } from '../domain/model.js';
import type { Ranked } from '../domain/ranking.js';
import type { ScoringContext } from '../domain/scoring-context.js';
import { occupationTiers, TIER_VALUES } from './occupation-tiers.js';
import { TopKCollector } from './top-k-collector.js';
import { relatedSkillBits } from './skill-ceiling.js';
import type { VacancyBlock, VacancyGroup, VacancyIndex, VacancyPlace } from './vacancy-index.js';

const bounded: { group: VacancyGroup; bound: number }[] = [];
const boundedPlaces: { place: VacancyPlace; bound: number }[] = [];
/** Occupation id → whether it is in the last tier of the current query. */
let inLastTier = new Uint8Array(0);
/** The current worker's related skill bits (`relatedSkillBits`). */
let related: [number, number] = [0, 0];
/** Added to a bound lowered by subtraction, so that rounding never puts it below a score. */
const MARGIN = 1e-9;

/**
 * vacancyGroupBound with the skills factor at 0 when none of the block's
 * vacancies asks anything the worker has some credit for (and each asks
 * something); else at 1.
 */
function blockBound(ctx: ScoringContext, w: MatchWorker, occupation: number, block: VacancyBlock): number {
  const bound = vacancyGroupBound(ctx, w, occupation, block);
  if (block.noSkills || (block.skillsLo & related[0]) !== 0 || (block.skillsHi & related[1]) !== 0) return bound;
  return bound - ctx.weights[1]! + MARGIN;
}

/**
 * Exact top-K open vacancies for a worker. Vacancies are visited by
 * occupation tier, most similar first; within a tier, by (occupation, place)
 * group in order of the group's bound, and a tier or group that cannot beat
 * the k-th score is skipped whole; within a group, each vacancy's cheap bound
 * decides whether it is scored. The last tier (most occupations) is entered
 * by place: each place's bound covers its groups of every occupation.
 */
export function topVacancies(ctx: ScoringContext, vacancies: VacancyIndex, w: MatchWorker, k: number): Ranked[] {
  const out = new TopKCollector(k, ctx.config.minScore);
  if ((w.flags & (WORKER_FLAGS.looking | WORKER_FLAGS.consent | WORKER_FLAGS.placed)) !== (WORKER_FLAGS.looking | WORKER_FLAGS.consent)) return [];
  related = relatedSkillBits(ctx.tables, w.lists, ...skillsOf(w));
  const tiers = occupationTiers(ctx.tables, vacancies.openByOccupation.keys(), w.lists, w.at, w.at + w.nOccupations);
  for (let t = 0; t < TIER_VALUES.length; t += 1) {
    const value = TIER_VALUES[t]!;
    if (out.closedTo(upperBound(ctx, value))) break;
    if (value === 0) {
      visitLastTier(ctx, vacancies, w, tiers[t]!, out);
      break;
    }
    bounded.length = 0;
    for (const key of tiers[t]!)
      for (const group of vacancies.openByOccupation.get(key)?.values() ?? []) {
        const bound = blockBound(ctx, w, value, group);
        if (!(bound < out.threshold)) bounded.push({ group, bound });
      }
    bounded.sort((a, b) => b.bound - a.bound);
    for (const { group, bound } of bounded) {
      if (bound < out.threshold) break;
      visitGroup(ctx, w, group, value, out);
    }
  }
  bounded.length = 0;
  return out.list;
}

/**
 * The open vacancies whose list a worker could enter (or that have room),
 * into `out`: a group of vacancies is passed over when its bound for the
 * worker is below the lowest k-th score of its lists (noted by the engine,
 * VacancyIndex.noteThreshold); for the occupations the worker has no
 * similarity with, whole places are bounded first. Every other vacancy is
 * listed, to be scored by the caller.
 */
export function reachableVacancies(ctx: ScoringContext, vacancies: VacancyIndex, w: MatchWorker, out: MatchVacancy[]): MatchVacancy[] {
  out.length = 0;
  if ((w.flags & (WORKER_FLAGS.looking | WORKER_FLAGS.consent | WORKER_FLAGS.placed)) !== (WORKER_FLAGS.looking | WORKER_FLAGS.consent)) return out;
  related = relatedSkillBits(ctx.tables, w.lists, ...skillsOf(w));
  if (inLastTier.length < ctx.tables.occupations.size) inLastTier = new Uint8Array(ctx.tables.occupations.size);
  const lastTier: number[] = [];
  for (const [occupation, byPlace] of vacancies.openByOccupation) {
    const value = occupationValue(ctx.tables, w.lists, w.at, w.at + w.nOccupations, occupation);
    if (value === 0) {
      lastTier.push(occupation);
      inLastTier[occupation] = 1;
      continue;
    }
    for (const group of byPlace.values()) if (blockBound(ctx, w, value, group) >= vacancies.groupThreshold(group)) for (const v of group.vacancies.values()) out.push(v);
  }
  if (lastTier.length > 0)
    for (const place of vacancies.places.values()) {
      if (place.groups.length === 0) continue;
      place.tighten();
      if (blockBound(ctx, w, 0, place) < vacancies.placeThreshold(place)) continue;
      for (const group of place.groups)
        if (inLastTier[group.occupation] === 1 && blockBound(ctx, w, 0, group) >= vacancies.groupThreshold(group)) for (const v of group.vacancies.values()) out.push(v);
    }
  for (const occupation of lastTier) inLastTier[occupation] = 0;
  return out;
}

function visitGroup(ctx: ScoringContext, w: MatchWorker, group: VacancyGroup, occupation: number, out: TopKCollector): void {
  const [skillsFrom, skillsTo] = skillsOf(w);
  for (const v of group.vacancies.values()) {
    if (cheapBound(ctx, w, v, occupation) < out.threshold) continue;
    if (v.skills.length > 0 && cheapBound(ctx, w, v, occupation, skillsValue(ctx.tables, w.lists, skillsFrom, skillsTo, v.skills, v.skillWeights)) < out.threshold) continue;
    out.offer(v.id, evaluate(ctx, w, v));
  }
}

function visitLastTier(ctx: ScoringContext, vacancies: VacancyIndex, w: MatchWorker, keys: number[], out: TopKCollector): void {
  if (inLastTier.length < ctx.tables.occupations.size) inLastTier = new Uint8Array(ctx.tables.occupations.size);
  for (const key of keys) inLastTier[key] = 1;
  boundedPlaces.length = 0;
  for (const place of vacancies.places.values()) {
    place.tighten();
    if (place.groups.length === 0) continue;
    const bound = blockBound(ctx, w, 0, place);
    if (!(bound < out.threshold)) boundedPlaces.push({ place, bound });
  }
  boundedPlaces.sort((a, b) => b.bound - a.bound);
  for (const { place, bound } of boundedPlaces) {
    if (bound < out.threshold) break;
    for (const group of place.groups) {
      if (inLastTier[group.occupation] !== 1) continue;
      if (blockBound(ctx, w, 0, group) < out.threshold) continue;
      visitGroup(ctx, w, group, 0, out);
    }
  }
  for (const key of keys) inLastTier[key] = 0;
  boundedPlaces.length = 0;
}
