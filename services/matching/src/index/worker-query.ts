import { cheapBound, evaluate, upperBound } from '../domain/evaluate.js';
import { vacancyGroupBound } from '../domain/group-bounds.js';
import { skillsValue } from '../domain/factors.js';
import { skillsOf, WORKER_FLAGS, type MatchWorker } from '../domain/model.js';
import type { Ranked } from '../domain/ranking.js';
import type { ScoringContext } from '../domain/scoring-context.js';
import { occupationTiers, TIER_VALUES } from './occupation-tiers.js';
import { TopKCollector } from './top-k-collector.js';
import type { VacancyGroup, VacancyIndex } from './vacancy-index.js';

const bounded: { group: VacancyGroup; bound: number }[] = [];

/**
 * Exact top-K open vacancies for a worker. Vacancies are visited by
 * occupation tier, most similar first; within a tier, by (occupation, place)
 * group in order of the group's bound, and a tier or group that cannot beat
 * the k-th score is skipped whole; within a group, each vacancy's cheap bound
 * decides whether it is scored.
 */
export function topVacancies(ctx: ScoringContext, vacancies: VacancyIndex, w: MatchWorker, k: number): Ranked[] {
  const out = new TopKCollector(k);
  if ((w.flags & (WORKER_FLAGS.looking | WORKER_FLAGS.consent | WORKER_FLAGS.placed)) !== (WORKER_FLAGS.looking | WORKER_FLAGS.consent)) return [];
  const [skillsFrom, skillsTo] = skillsOf(w);
  const tiers = occupationTiers(ctx.tables, vacancies.openByOccupation.keys(), w.lists, w.at, w.at + w.nOccupations);
  for (let t = 0; t < TIER_VALUES.length; t += 1) {
    const value = TIER_VALUES[t]!;
    if (out.closedTo(upperBound(ctx, value))) break;
    bounded.length = 0;
    for (const key of tiers[t]!)
      for (const group of vacancies.openByOccupation.get(key)?.values() ?? []) {
        const bound = vacancyGroupBound(ctx, w, value, group);
        if (!(out.full && bound < out.threshold)) bounded.push({ group, bound });
      }
    bounded.sort((a, b) => b.bound - a.bound);
    for (const { group, bound } of bounded) {
      if (out.full && bound < out.threshold) break;
      for (const v of group.vacancies.values()) {
        if (out.full && cheapBound(ctx, w, v, value) < out.threshold) continue;
        if (out.full && v.skills.length > 0 && cheapBound(ctx, w, v, value, skillsValue(ctx.tables, w.lists, skillsFrom, skillsTo, v.skills, v.skillWeights)) < out.threshold) continue;
        out.offer(v.id, evaluate(ctx, w, v));
      }
    }
  }
  bounded.length = 0;
  return out.list;
}
