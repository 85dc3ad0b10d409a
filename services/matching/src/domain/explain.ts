import { evaluate, boostOf } from './evaluate.js';
import { NON_MATCH_REASONS, type NonMatchReason } from './hard-filters.js';
import type { MatchVacancy, MatchWorker } from './model.js';
import { groupsOf, type PriorityGroup } from './priority-groups.js';
import { FACTOR_COUNT, FACTOR_NAMES, type FactorName } from './scoring-config.js';
import type { ScoringContext } from './scoring-context.js';

export interface FactorBreakdown {
  factor: FactorName;
  value: number;
  weight: number;
  contribution: number;
}

export interface Explanation {
  matched: boolean;
  score: number | null;
  scoringVersion: string;
  /** For a non-match: the first hard filter that failed (or below-minimum-score). */
  failed: NonMatchReason | null;
  factors: FactorBreakdown[];
  boost: { groups: PriorityGroup[]; amount: number };
}

export function breakdown(ctx: ScoringContext, values: Float64Array): FactorBreakdown[] {
  return FACTOR_NAMES.map((factor, f) => ({
    factor,
    value: values[f]!,
    weight: ctx.weights[f]!,
    contribution: ctx.weights[f]! * values[f]!,
  }));
}

/** Every factor and its contribution; for a non-match, the filter that failed. */
export function explain(ctx: ScoringContext, w: MatchWorker, v: MatchVacancy): Explanation {
  const values = new Float64Array(FACTOR_COUNT);
  const score = evaluate(ctx, w, v, values);
  const failed = score < 0 ? (NON_MATCH_REASONS[-score - 1] ?? null) : null;
  const scored = score >= 0 || failed === 'below-minimum-score';
  const amount = score >= 0 ? boostOf(ctx, w, v) : 0;
  return {
    matched: score >= 0,
    score: score >= 0 ? score : null,
    scoringVersion: ctx.config.version,
    failed,
    factors: scored ? breakdown(ctx, values) : [],
    boost: { groups: amount > 0 ? groupsOf(w.priority) : [], amount },
  };
}
