import { evaluate } from '../src/domain/evaluate.js';
import type { MatchVacancy, MatchWorker } from '../src/domain/model.js';
import { byRank, insertRanked, type Ranked } from '../src/domain/ranking.js';
import type { ScoringContext } from '../src/domain/scoring-context.js';
import type { WorkerIndex } from '../src/index/worker-index.js';

/** The brute-force reference: every live worker of the compact index scored, no pruning. */
export function scanWorkers(ctx: ScoringContext, index: WorkerIndex, v: MatchVacancy, k: number): Ranked[] {
  const list: Ranked[] = [];
  for (let slot = 0; slot < index.highWater; slot += 1) {
    if (index.ids[slot] === undefined) continue;
    const w = index.view(slot);
    const score = evaluate(ctx, w, v);
    if (score >= 0 && (list.length < k || byRank({ id: w.id, score }, list[k - 1]!) < 0)) insertRanked(list, { id: w.id, score }, k);
  }
  return list;
}

export function scanVacancies(ctx: ScoringContext, vacancies: Iterable<MatchVacancy>, w: MatchWorker, k: number): Ranked[] {
  const list: Ranked[] = [];
  for (const v of vacancies) {
    const score = evaluate(ctx, w, v);
    if (score >= 0 && (list.length < k || byRank({ id: v.id, score }, list[k - 1]!) < 0)) insertRanked(list, { id: v.id, score }, k);
  }
  return list;
}
