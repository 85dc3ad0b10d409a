import { cheapBound, evaluate, upperBound } from '../domain/evaluate.js';
import { groupLocation, vacancyBoundAt } from '../domain/group-bounds.js';
import { ageInYears } from '../domain/age.js';
import { occupationValue } from '../domain/factors.js';
import { skillsOf, type MatchVacancy, type MatchWorker } from '../domain/model.js';
import type { Ranked } from '../domain/ranking.js';
import type { ScoringContext } from '../domain/scoring-context.js';
import { occupationTiers, TIER_VALUES } from './occupation-tiers.js';
import { TopKCollector } from './top-k-collector.js';
import { BoundHeap } from './bound-heap.js';
import type { PackedShares } from './packed-shares.js';
import { SIGNATURE_WORDS, signatureOf, signaturesMeet, skillCredits, skillsFromCredits, skillsFromTerms } from './skill-shares.js';
import { CLOSED_TO_MINORS, HOUSING, NO_HOUSING, NO_SKILLS, OCCUPATION_COLUMNS as O, RUN_COLUMNS as R, RUN_ROW, OCCUPATION_ROW, PLACE_COLUMNS as C, PLACE_ROW, type VacancyBlock, type VacancyGroup, type VacancyIndex, type VacancyPlace, type VacancyRun } from './vacancy-index.js';
import { isAvailable } from './worker-extremes.js';

const groupHeap = new BoundHeap<VacancyGroup>();
const placeHeap = new BoundHeap<VacancyPlace>();
/** Occupation id → whether it is in the last tier of the current query. */
let inLastTier = new Uint8Array(0);
/** The current worker's credit for each skill (`skillCredits`). */
let credits: Float64Array = new Float64Array(0);
/** The signature of the skills the current worker has some credit for (`creditsFor`). */
const credited = new Int32Array(SIGNATURE_WORDS);
const creditedSkills: number[] = [];

/** The current worker is under the adult age: work closed to minors fails its hard filters. */
let minor = false;

/** Sets `credits`, `credited` and `minor` for the worker, and forgets the last worker's locations (`locate`). */
function creditsFor(ctx: ScoringContext, w: MatchWorker): void {
  minor = ageInYears(w.birthMonth, ctx.asOfMonth) < ctx.config.adultAge;
  locatedAt = -1;
  query += 1;
  if (query === 0x7fffffff || locatedIn.length < ctx.tables.places.size) {
    const size = Math.max(locatedIn.length, ctx.tables.places.size);
    placeLocations = new Float64Array(2 * size);
    locatedIn = new Int32Array(size);
    query = 1;
  }
  credits = skillCredits(ctx.tables, w.lists, ...skillsOf(w), credits);
  creditedSkills.length = 0;
  for (let skill = 0; skill < credits.length; skill += 1) if (credits[skill]! > 0) creditedSkills.push(skill);
  signatureOf(creditedSkills, credited);
}

/**
 * Whether the group in row `r` could earn anything on skills: it has a
 * vacancy asking none, asks a skill the worker has credit for (by
 * signature), or one the credits do not cover (counted as earned, as
 * `skillsFromCredits` does). When not, its skills factor is 0 for every
 * vacancy, so its bound is its rest.
 */
const mayEarnSkills = (rows: Float64Array, r: number): boolean =>
  (rows[r + C.flags]! & NO_SKILLS) !== 0 || rows[r + C.topSkill]! >= credits.length || signaturesMeet(rows, r + C.skills, credited);
/** What the last topVacancies call did (for the benchmark): groups bounded, vacancies bounded one by one, vacancies fully scored. */
export const lastWorkerQuery = { groups: 0, vacancies: 0, scored: 0 };
/** Added to a bound lowered by subtraction, so that rounding never puts it below a score. */
const MARGIN = 1e-9;

/** The location factor at place `locatedAt` for the current worker, with housing and without (`groupLocation`). */
const locations = new Float64Array(2);
let locatedAt = -1;
/**
 * Both of each place's location factors for the current worker (at
 * `2 × place` and `2 × place + 1`), valid where `locatedIn[place]` is the
 * current `query`: found once per place and query, however many groups of
 * the place (visited occupation by occupation) are bounded.
 */
let placeLocations = new Float64Array(0);
let locatedIn = new Int32Array(0);
let query = 0;

function locate(ctx: ScoringContext, w: MatchWorker, place: number): void {
  if (place === locatedAt) return;
  if (locatedIn[place] !== query) {
    placeLocations[2 * place] = groupLocation(ctx, w, place, true, false);
    placeLocations[2 * place + 1] = groupLocation(ctx, w, place, false, true);
    locatedIn[place] = query;
  }
  locations[0] = placeLocations[2 * place]!;
  locations[1] = placeLocations[2 * place + 1]!;
  locatedAt = place;
}

/**
 * vacancyGroupBound less the skills term (MARGIN added), from `locations`
 * (set by `locate` for the block's place) and the block's extremes: the same
 * terms in the same order, so the same number. The skills factor's ceiling
 * is added to it (`reaches`).
 */
function restAt(ctx: ScoringContext, w: MatchWorker, occupation: number, housing: boolean, noHousing: boolean, minQualification: number, maxWageK: number, minExperienceTenths: number, welcomed: number): number {
  let location = 0;
  if (housing) location = locations[0]!;
  if (noHousing) location = Math.max(location, locations[1]!);
  return vacancyBoundAt(ctx, w, occupation, location, minQualification, maxWageK, minExperienceTenths, welcomed) - ctx.weights[1]! + MARGIN;
}

/** restAt of a block (a place, a group, a run); `maxWageK` lower than the block's for the rows of a place left after a wage (`visitLastTier`). */
function restBound(ctx: ScoringContext, w: MatchWorker, occupation: number, block: VacancyBlock, maxWageK = block.maxWageK): number {
  locate(ctx, w, block.place);
  return restAt(ctx, w, occupation, block.housing, block.noHousing, block.minQualification, maxWageK, block.minExperienceTenths, block.welcomed);
}

/** restAt of the group in row `r` of the place's groupRows (the last tier: occupation value 0), the place located. */
function rowRest(ctx: ScoringContext, w: MatchWorker, rows: Float64Array, r: number): number {
  const flags = rows[r + C.flags]!;
  return restAt(ctx, w, 0, (flags & HOUSING) !== 0, (flags & NO_HOUSING) !== 0, rows[r + C.minQualification]!, rows[r + C.maxWageK]!, rows[r + C.minExperienceTenths]!, rows[r + C.welcomed]!);
}

/** The place located and its rows, for `rowRest`. */
function placeRows(ctx: ScoringContext, w: MatchWorker, place: VacancyPlace): Float64Array {
  locate(ctx, w, place.place);
  return place.groupRows();
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
  creditsFor(ctx, w);
  const tiers = occupationTiers(ctx.tables, vacancies.openByOccupation.keys(), w.lists, w.at, w.at + w.nOccupations);
  const weight = ctx.weights[1]!;
  for (let t = 0; t < TIER_VALUES.length; t += 1) {
    const value = TIER_VALUES[t]!;
    if (out.closedTo(upperBound(ctx, value))) break;
    if (value === 0) {
      visitLastTier(ctx, vacancies, w, tiers[t]!, out);
      break;
    }
    // Best bound first: each group bounded from its occupation's rows and packed shares (VacancyOccupation), its skills ceiling included, without reading it.
    groupHeap.clear();
    for (const key of tiers[t]!) {
      const groups = vacancies.groupsOf(key);
      if (!groups) continue;
      const rows = groups.rows;
      for (let i = 0, r = 0; i < groups.groups.length; i += 1, r += OCCUPATION_ROW) {
        locate(ctx, w, rows[r + O.place]!);
        const flags = rows[r + O.flags]!;
        const rest = restAt(ctx, w, value, (flags & HOUSING) !== 0, (flags & NO_HOUSING) !== 0, rows[r + O.minQualification]!, rows[r + O.maxWageK]!, rows[r + O.minExperienceTenths]!, rows[r + O.welcomed]!);
        if (rest + weight < out.threshold) continue;
        const bound = rest + weight * groups.shares.ceiling(i, credits);
        if (!(bound < out.threshold)) groupHeap.push(groups.groups[i]!, bound, rest, true);
      }
    }
    groupHeap.heapify();
    for (let top = groupHeap.top(); top && !(top.key < out.threshold); top = groupHeap.top()) {
      lastWorkerQuery.groups += 1;
      const { item: group, rest } = top;
      groupHeap.pop();
      visitGroup(ctx, w, group, value, rest, out);
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
  creditsFor(ctx, w);
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
      const threshold = vacancies.placeThreshold(place);
      if (!reaches(ctx, place, restBound(ctx, w, 0, place), threshold)) continue;
      // A group's lowest k-th score is never below the place's: groups that cannot reach the place's are passed over from its rows.
      const rows = placeRows(ctx, w, place);
      let wage = Number.POSITIVE_INFINITY;
      for (let r = 0; r < rows.length; r += PLACE_ROW) {
        if (rows[r + C.maxWageK]! < wage) {
          // Rows are the best paid first: once the place's best with this wage cannot reach, no later row can.
          wage = rows[r + C.maxWageK]!;
          if (restBound(ctx, w, 0, place, wage) + ctx.weights[1]! < threshold) break;
        }
        if (inLastTier[rows[r + C.occupation]!] !== 1) continue;
        const rest = rowRest(ctx, w, rows, r);
        if (!(rest + ctx.weights[1]! < threshold) && !(rest < threshold && !mayEarnSkills(rows, r)) && place.rowShares.reaches(r / PLACE_ROW, credits, rest, ctx.weights[1]!, threshold))
          listReachable(ctx, vacancies, w, place.groups[rows[r + C.group]!]!, 0, out);
      }
    }
  for (const occupation of lastTier) inLastTier[occupation] = 0;
  return out;
}

/**
 * The vacancies of a group whose own list the worker could enter, into
 * `out` (nothing when the group's bound cannot reach its lowest k-th
 * score), run by run as the worker query visits them. Each vacancy is first
 * bounded against the group's lowest k-th score, never above its own list's:
 * only those that pass look their own up.
 */
function listReachable(ctx: ScoringContext, vacancies: VacancyIndex, w: MatchWorker, group: VacancyGroup, occupation: number, out: MatchVacancy[]): void {
  const rest = restBound(ctx, w, occupation, group);
  const threshold = vacancies.groupThreshold(group);
  if (!reaches(ctx, group, rest, threshold)) return;
  const runs = group.packedRuns();
  if (!runs) {
    for (const v of group.vacancies.values()) offerReachable(ctx, vacancies, w, v, occupation, rest, skillsFromCredits(v, credits), threshold, out);
    return;
  }
  const weight = ctx.weights[1]!;
  for (let i = 0; i < runs.length; i += 1) {
    const run = runs[i]!;
    // With the group's rest first (never below the run's), from the packed shares: most runs are passed over unread.
    if (runs.length > 1 && !group.runShares.reaches(i, credits, rest, weight, threshold)) continue;
    const bound = runs.length === 1 ? rest : restBound(ctx, w, occupation, run);
    if (!group.runShares.reaches(i, credits, bound, weight, threshold)) continue;
    const { skillIds, skillWeights, skillEnds } = run;
    for (let i = 0, from = 0; i < run.vacancies.length; from = skillEnds[i]!, i += 1)
      offerReachable(ctx, vacancies, w, run.vacancies[i]!, occupation, bound, skillsFromTerms(skillIds, skillWeights, from, skillEnds[i]!, credits), threshold, out);
  }
}

/** Lists the vacancy when its bound (`rest` plus its skills factor, then its cheap bound) reaches the group's lowest k-th score (`threshold`), then its own list's. */
function offerReachable(ctx: ScoringContext, vacancies: VacancyIndex, w: MatchWorker, v: MatchVacancy, occupation: number, rest: number, skills: number, threshold: number, out: MatchVacancy[]): void {
  const withSkills = rest + ctx.weights[1]! * skills;
  if (withSkills < threshold) return;
  const cheap = cheapBound(ctx, w, v, occupation, skills);
  if (cheap < threshold) return;
  const own = vacancies.thresholdOf(v.id);
  if (!(withSkills < own) && !(cheap < own)) out.push(v);
}

/**
 * Whether the vacancy could enter the list: the group's bound for
 * everything but skills (`rest`) plus the vacancy's skills factor
 * (`skills`, from the worker's credits: a few reads) reaches the k-th
 * score, then its cheap bound with that factor does (`admits`: a vacancy
 * that can only tie the k-th score enters by id alone, so one ranked after
 * it is passed over unscored; with discrete factors many vacancies tie).
 */
function reachesWith(ctx: ScoringContext, w: MatchWorker, v: MatchVacancy, occupation: number, rest: number, skills: number, out: TopKCollector): boolean {
  return !(rest + ctx.weights[1]! * skills < out.threshold) && out.admits(cheapBound(ctx, w, v, occupation, skills), v.id);
}

/**
 * Each vacancy of a group: first the group's bound for everything but
 * skills plus the vacancy's skills factor (from the worker's credits, a few
 * reads), then its cheap bound with that factor, then its score. A big
 * group is visited by runs of vacancies welcoming the same priority groups
 * and asking like skills: a run whose own bound (its cheap factors' best,
 * its skills ceiling) cannot reach the k-th score is skipped whole, and
 * its vacancies are bounded from the run's rest.
 */
function visitGroup(ctx: ScoringContext, w: MatchWorker, group: VacancyGroup, occupation: number, rest: number, out: TopKCollector): void {
  const runs = group.packedRuns();
  if (!runs) {
    for (const v of group.vacancies.values()) visitVacancy(ctx, w, v, occupation, rest, out);
    return;
  }
  visitRuns(ctx, w, runs, group.runShares, 0, runs.length, occupation, rest, out);
}

/**
 * The runs `from`–`to` of one group (`rest`: the group's), with their
 * packed shares (`shares`, in the same order: the group's own copy, or its
 * place's): each bounded by the group's rest first (never below the
 * run's), so that most, asking no skill the worker has credit for, are
 * passed over unread, then by its own.
 */
function visitRuns(ctx: ScoringContext, w: MatchWorker, runs: readonly VacancyRun[], shares: PackedShares, from: number, to: number, occupation: number, rest: number, out: TopKCollector): void {
  const weight = ctx.weights[1]!;
  // A group's only run has the group's extremes, so the group's bound: once checked, it is visited.
  if (to - from === 1) {
    if (shares.reaches(from, credits, rest, weight, out.threshold)) visitRun(ctx, w, runs[from]!, occupation, rest, out);
    return;
  }
  for (let i = from; i < to; i += 1) {
    if (!shares.reaches(i, credits, rest, weight, out.threshold)) continue;
    const run = runs[i]!;
    const bound = restBound(ctx, w, occupation, run);
    if (shares.reaches(i, credits, bound, weight, out.threshold)) visitRun(ctx, w, run, occupation, bound, out);
  }
}

/** visitVacancy over a run, each vacancy's skills factor from the run's packed skills. */
function visitRun(ctx: ScoringContext, w: MatchWorker, run: VacancyRun, occupation: number, rest: number, out: TopKCollector): void {
  const { skillIds, skillWeights, skillEnds, vacancies, terms } = run;
  const weight = ctx.weights[1]!;
  locate(ctx, w, run.place);
  for (let i = 0, from = 0, r = 0; i < vacancies.length; from = skillEnds[i]!, i += 1, r += RUN_ROW) {
    lastWorkerQuery.vacancies += 1;
    const flags = terms[r + R.flags]!;
    if (minor && (flags & CLOSED_TO_MINORS) !== 0) continue;
    const skills = skillsFromTerms(skillIds, skillWeights, from, skillEnds[i]!, credits);
    if (rest + weight * skills < out.threshold) continue;
    // Its cheap bound from the run's row: the same number as cheapBound, without reading the vacancy.
    const location = locations[(flags & HOUSING) !== 0 ? 0 : 1]!;
    const bound = vacancyBoundAt(ctx, w, occupation, location, terms[r + R.minQualification]!, terms[r + R.wageMaxK]!, terms[r + R.minExperienceTenths]!, terms[r + R.welcomed]!, skills);
    if (bound < out.threshold) continue;
    const v = vacancies[i]!;
    if (!out.admits(bound, v.id)) continue;
    lastWorkerQuery.scored += 1;
    out.offer(v.id, evaluate(ctx, w, v));
  }
}

function visitVacancy(ctx: ScoringContext, w: MatchWorker, v: MatchVacancy, occupation: number, rest: number, out: TopKCollector): void {
  lastWorkerQuery.vacancies += 1;
  if (!reachesWith(ctx, w, v, occupation, rest, skillsFromCredits(v, credits), out)) return;
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
    // Each group bounded from the place's rows first (most fail on their cheap factors alone, without being read), until the wage left cannot reach.
    const rows = placeRows(ctx, w, place);
    let wage = Number.POSITIVE_INFINITY;
    for (let r = 0; r < rows.length; r += PLACE_ROW) {
      if (rows[r + C.maxWageK]! < wage) {
        wage = rows[r + C.maxWageK]!;
        if (restBound(ctx, w, 0, place, wage) + weight < out.threshold) break;
      }
      if (inLastTier[rows[r + C.occupation]!] !== 1) continue;
      lastWorkerQuery.groups += 1;
      const groupRest = rowRest(ctx, w, rows, r);
      if (groupRest + weight < out.threshold || (groupRest < out.threshold && !mayEarnSkills(rows, r))) continue;
      const row = r / PLACE_ROW;
      if (!place.rowShares.reaches(row, credits, groupRest, weight, out.threshold)) continue;
      const from = place.runFrom[row]!;
      const to = place.runFrom[row + 1]!;
      // A group cut into runs is visited from its place's copy of them, without reading the group.
      if (from < to) visitRuns(ctx, w, place.runs, place.runShares, from, to, 0, groupRest, out);
      else visitGroup(ctx, w, place.groups[rows[r + C.group]!]!, 0, groupRest, out);
    }
  }
  for (const key of keys) inLastTier[key] = 0;
  placeHeap.clear();
}
