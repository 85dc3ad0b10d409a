/**
 * Similarity of two ISCO-08 codes, by the deepest group they share.
 * ISCO codes grow one digit per level, so that group is their common prefix:
 *
 * | shared group            | similarity |
 * | ----------------------- | ---------- |
 * | same code (any level)   | 1          |
 * | same unit group (4)     | 1          |
 * | same minor group (3)    | 0.75       |
 * | same sub-major group (2)| 0.5        |
 * | same major group (1)    | 0.25       |
 * | nothing                 | 0          |
 *
 * A group and one of its members share the group itself: 72 vs 7212 → 0.5.
 */
export const OCCUPATION_SIMILARITY_BY_SHARED_DIGITS = [0, 0.25, 0.5, 0.75, 1] as const;

export function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n += 1;
  return n;
}

export function codeSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  return OCCUPATION_SIMILARITY_BY_SHARED_DIGITS[commonPrefixLength(a, b)] ?? 0;
}

/**
 * Steps between two groups in the ISCO tree (up to the deepest shared group,
 * then down): 7212 ↔ 7213 is 2, 7212 ↔ 7223 is 4, 7212 ↔ 72 is 2; 0 to itself.
 * Major groups hang from one root, so codes of different majors are
 * depth(a) + depth(b) apart.
 */
export function codeDistance(a: string, b: string): number {
  return a.length + b.length - 2 * commonPrefixLength(a, b);
}
