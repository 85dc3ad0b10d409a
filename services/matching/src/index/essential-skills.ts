import type { MatchVacancy } from '../domain/model.js';
import type { ReferenceTables } from '../domain/reference-tables.js';

/** Beyond this many skills asked, only one skill or all of them are tried as the set that cannot all be missed. */
const MAX_SUBSET_NEEDS = 8;

/**
 * MaxScore over the skills factor. A worker who holds no skill at least `level`
 * similar to a skill asked earns at most the next lower similarity for it;
 * when missing every skill of a set of those asked that way leaves them below
 * `minSkills` (the least skills factor that can still reach the k-th score),
 * every candidate holds one of those skills, and their holders are all there
 * is left to visit. Of the ways to cut this way (any set of the skills asked,
 * at each level: a vacancy asking three skills equally, of which two are
 * needed, is cut by the holders of its two rarest, not all three) the one
 * with the fewest holders (`holders` counts them, summed skill by skill) is
 * returned, or undefined when none cuts.
 */
export function essentialSkills(tables: ReferenceTables, v: MatchVacancy, minSkills: number, holders: (skills: number[]) => number): { skills: number[]; size: number } | undefined {
  if (v.skills.length === 0 || !(minSkills > 0)) return undefined;
  const n = v.skills.length;
  const perNeed = Array.from(v.skills, (need) => similarSkills(tables, need));
  const levels = [...new Set(perNeed.flatMap((skills) => skills.map(([, similarity]) => similarity)))].sort((a, b) => b - a);
  let best: { skills: number[]; size: number } | undefined;
  const loss = new Float64Array(n);
  const counts = new Float64Array(n);
  for (const level of levels) {
    for (let j = 0; j < n; j += 1) {
      const below = perNeed[j]!.find(([, similarity]) => similarity < level)?.[1] ?? 0;
      // Missing skill j at this level costs at most this much of the factor (the others at 1).
      loss[j] = v.skillWeights[j]! * (1 - below);
      counts[j] = holders(atLeast(perNeed[j]!, level));
    }
    const cuts = n <= MAX_SUBSET_NEEDS ? subsets(n) : [...Array.from({ length: n }, (_, j) => 1 << j), (1 << n) - 1];
    let bestSet = 0;
    let bestSize = best?.size ?? Number.POSITIVE_INFINITY;
    for (const set of cuts) {
      let lost = 0;
      let size = 0;
      for (let j = 0; j < n; j += 1)
        if ((set & (1 << j)) !== 0) {
          lost += loss[j]!;
          size += counts[j]!;
        }
      if (1 - lost < minSkills - 1e-9 && size < bestSize) {
        bestSet = set;
        bestSize = size;
      }
    }
    if (bestSet !== 0) best = { skills: [...new Set(perNeed.flatMap((skills, j) => ((bestSet & (1 << j)) !== 0 ? atLeast(skills, level) : [])))], size: bestSize };
  }
  return best;
}

/** Every non-empty set of `n` needs, as bit sets. */
const subsets = (n: number): number[] => Array.from({ length: (1 << n) - 1 }, (_, i) => i + 1);

const similarCache = new WeakMap<ReferenceTables, Map<string, [number, number][]>>();

/** [skill, similarity] of every skill similar to `need`, most similar first; kept per (skills known, need), as tables only grow by interning. */
function similarSkills(tables: ReferenceTables, need: number): [number, number][] {
  let cache = similarCache.get(tables);
  if (!cache) similarCache.set(tables, (cache = new Map()));
  const key = `${tables.skills.size}:${need}`;
  let found = cache.get(key);
  if (!found) {
    if (cache.size > 4096) cache.clear();
    cache.set(key, (found = computeSimilar(tables, need)));
  }
  return found;
}

function computeSimilar(tables: ReferenceTables, need: number): [number, number][] {
  const found: [number, number][] = [];
  for (let have = 0; have < tables.skills.size; have += 1) {
    const similarity = tables.skillSimilarity(have, need);
    if (similarity > 0) found.push([have, similarity]);
  }
  if (need >= tables.skills.size) found.push([need, 1]);
  return found.sort((a, b) => b[1] - a[1]);
}

const atLeast = (skills: [number, number][], level: number): number[] => skills.filter(([, similarity]) => similarity >= level).map(([skill]) => skill);
