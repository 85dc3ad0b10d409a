/**
 * Partial credit between two skills of the taxonomy (documented values):
 *
 * | relation                                   | similarity |
 * | ------------------------------------------ | ---------- |
 * | same skill                                 | 1          |
 * | one is a direct parent of the other        | 0.7        |
 * | listed as related (in either row)          | 0.5        |
 * | siblings (share a direct parent)           | 0.4        |
 * | anything else                              | 0          |
 *
 * The highest applicable value wins.
 */
export const SKILL_SIMILARITY = {
  same: 1,
  parentChild: 0.7,
  related: 0.5,
  siblings: 0.4,
  none: 0,
} as const;

export interface SkillLinks {
  readonly code: string;
  readonly parents: readonly string[];
  readonly related: readonly string[];
}

export function linkSimilarity(a: SkillLinks, b: SkillLinks): number {
  if (a.code === b.code) return SKILL_SIMILARITY.same;
  if (a.parents.includes(b.code) || b.parents.includes(a.code)) return SKILL_SIMILARITY.parentChild;
  if (a.related.includes(b.code) || b.related.includes(a.code)) return SKILL_SIMILARITY.related;
  if (a.parents.some((parent) => b.parents.includes(parent))) return SKILL_SIMILARITY.siblings;
  return SKILL_SIMILARITY.none;
}
