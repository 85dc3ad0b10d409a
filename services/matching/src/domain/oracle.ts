import { evaluate } from './evaluate.js';
import type { MatchVacancy, MatchWorker } from './model.js';
import { byRank, type Ranked } from './ranking.js';
import type { ScoringContext } from './scoring-context.js';

/** Brute force: score every worker for a vacancy, sort, cut. The reference the index must equal. */
export function oracleForVacancy(ctx: ScoringContext, workers: Iterable<MatchWorker>, v: MatchVacancy, k: number): Ranked[] {
  const all: Ranked[] = [];
  for (const w of workers) {
    const score = evaluate(ctx, w, v);
    if (score >= 0) all.push({ id: w.id, score });
  }
  return all.sort(byRank).slice(0, k);
}

export function oracleForWorker(ctx: ScoringContext, vacancies: Iterable<MatchVacancy>, w: MatchWorker, k: number): Ranked[] {
  const all: Ranked[] = [];
  for (const v of vacancies) {
    const score = evaluate(ctx, w, v);
    if (score >= 0) all.push({ id: v.id, score });
  }
  return all.sort(byRank).slice(0, k);
}
