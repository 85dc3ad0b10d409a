import type { MatchVacancy } from '../domain/model.js';
import type { ReferenceTables } from '../domain/reference-tables.js';

/**
 * MaxScore over the skills factor. A worker who holds no skill at least `level`
 * similar to a skill asked earns at most the next lower similarity for it;
 * when that alone leaves them below `minSkills` (the least skills factor that
 * can still reach the k-th score), every candidate holds one of those
 * skills, and their holders are all there is left to visit. Of the ways to
 * cut this way (one skill asked, or all of them, at each level) the one
 * with the fewest holders (`holders` counts them) is returned, or undefined
 * when none cuts.
 */
export function essentialSkills(tables: ReferenceTables, v: MatchVacancy, minSkills: number, holders: (skills: number[]) => number): { skills: number[]; size: number } | undefined {
  if (v.skills.length === 0 || !(minSkills > 0)) return undefined;
  const perNeed = Array.from(v.skills, (need) => similarSkills(tables, need));
  const levels = [...new Set(perNeed.flatMap((skills) => skills.map(([, similarity]) => similarity)))].sort((a, b) => b - a);
  let best: { skills: number[]; size: number } | undefined;
  const offer = (skills: number[]) => {
    const size = holders(skills);
    if (!best || size < best.size) best = { skills, size };
  };
  for (const level of levels) {
    let allMissing = 0;
    for (let j = 0; j < v.skills.length; j += 1) {
      const below = perNeed[j]!.find(([, similarity]) => similarity < level)?.[1] ?? 0;
      allMissing += v.skillWeights[j]! * below;
      // Missing this one skill at this level: it earns `below` at most, the others 1.
      if (1 - v.skillWeights[j]! * (1 - below) < minSkills - 1e-9) offer(atLeast(perNeed[j]!, level));
    }
    if (allMissing < minSkills - 1e-9) offer(perNeed.flatMap((skills) => atLeast(skills, level)));
  }
  return best;
}

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
