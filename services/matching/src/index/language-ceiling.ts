import type { MatchVacancy } from '../domain/model.js';
import { FACTOR_NAMES } from '../domain/scoring-config.js';
import type { ScoringContext } from '../domain/scoring-context.js';

/**
 * A worker's languages as one byte: bit `min(code, 7)` for each language
 * they speak at any level (codes 7 and up share the last bit). A superset
 * of what they speak at a vacancy's levels, so a ceiling of the languages
 * factor, and of the required languages' filter, read without their lists.
 */
export const languageBit = (code: number): number => 1 << Math.min(code, 7);

/** The languages mask of the language entries lists[from, to) (each `code * 256 + level`). */
export function languageMask(lists: ArrayLike<number>, from: number, to: number): number {
  let mask = 0;
  for (let i = from; i < to; i += 1) mask |= languageBit(lists[i]! >> 8);
  return mask;
}

const LANGUAGES = FACTOR_NAMES.indexOf('languages');
/** Subtracted from a gap so that bounds derived by subtraction never fall below a score through rounding. */
const MARGIN = 1e-9;

/**
 * For each languages mask, what a worker with it loses at least against the
 * bounds' languages factor of 1 (the weight times the share of the
 * vacancy's languages they cannot speak; Infinity when they lack a
 * required one: the hard filter fails). False (and `gaps` untouched) when
 * the vacancy asks no language: then no mask loses anything.
 */
export function languageGaps(ctx: ScoringContext, v: MatchVacancy, gaps: Float64Array): boolean {
  const total = v.requiredLanguages.length + v.preferredLanguages.length;
  if (total === 0) return false;
  const weight = ctx.weights[LANGUAGES]!;
  let required = 0;
  for (const need of v.requiredLanguages) required |= languageBit(need >> 8);
  for (let mask = 0; mask < 256; mask += 1) {
    if ((mask & required) !== required) {
      gaps[mask] = Number.POSITIVE_INFINITY;
      continue;
    }
    let met = v.requiredLanguages.length;
    for (const need of v.preferredLanguages) if ((mask & languageBit(need >> 8)) !== 0) met += 1;
    gaps[mask] = Math.max(0, weight * (1 - met / total) - MARGIN);
  }
  return true;
}
