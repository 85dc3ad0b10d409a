import type { ReferenceTables } from '../domain/reference-tables.js';

/** The similarity tiers in the order queries visit them: the most similar occupations first. */
export const TIER_VALUES = [1, 0.75, 0.5, 0.25, 0] as const;

/** Posting keys grouped by their best similarity to any of `occupations[from..to)`. */
export function occupationTiers(tables: ReferenceTables, keys: Iterable<number>, occupations: ArrayLike<number>, from = 0, to = occupations.length): number[][] {
  const tiers: number[][] = TIER_VALUES.map(() => []);
  for (const key of keys) {
    let best = 0;
    for (let i = from; i < to; i += 1) best = Math.max(best, tables.occupationSimilarity(key, occupations[i]!));
    tiers[TIER_VALUES.indexOf(best as (typeof TIER_VALUES)[number])]?.push(key);
  }
  return tiers;
}
