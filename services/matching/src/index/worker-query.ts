import { cheapBound, evaluate, upperBound } from '../domain/evaluate.js';
import { WORKER_FLAGS, type MatchWorker } from '../domain/model.js';
import type { Ranked } from '../domain/ranking.js';
import type { ScoringContext } from '../domain/scoring-context.js';
import { occupationTiers, TIER_VALUES } from './occupation-tiers.js';
import { TopKCollector } from './top-k-collector.js';
import type { VacancyIndex } from './vacancy-index.js';

/** Exact top-K open vacancies for a worker, by occupation tier with the same bounds as VacancyQuery. */
export function topVacancies(ctx: ScoringContext, vacancies: VacancyIndex, w: MatchWorker, k: number): Ranked[] {
  const out = new TopKCollector(k);
  if ((w.flags & (WORKER_FLAGS.looking | WORKER_FLAGS.consent | WORKER_FLAGS.placed)) !== (WORKER_FLAGS.looking | WORKER_FLAGS.consent)) return [];
  const tiers = occupationTiers(ctx.tables, vacancies.openByOccupation.keys(), w.lists, w.at, w.at + w.nOccupations);
  for (let t = 0; t < TIER_VALUES.length; t += 1) {
    const value = TIER_VALUES[t]!;
    if (out.closedTo(upperBound(ctx, value))) break;
    for (const key of tiers[t]!)
      for (const v of vacancies.openByOccupation.get(key)?.values() ?? []) {
        if (out.full && cheapBound(ctx, w, v, value) < out.threshold) continue;
        out.offer(v.id, evaluate(ctx, w, v));
      }
  }
  return out.list;
}
