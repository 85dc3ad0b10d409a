import type { ReferenceList } from '../core/reference-list.js';
import type { Skill } from './skill-list.js';
import { linkSimilarity } from './skill-similarity.js';

/** Look-ups over the skills taxonomy. Unknown codes raise NOT_FOUND rather than score 0. */
export function skillHelpers(list: () => ReferenceList<Skill>) {
  const skill = (code: string): Skill | undefined => list().get(code);
  /** Every skill above a code through its parents, nearest first, each once. */
  const skillAncestors = (code: string): Skill[] => {
    const found = new Map<string, Skill>();
    const queue = [...list().require(code).parents];
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      if (found.has(next)) continue;
      const row = list().require(next);
      found.set(next, row);
      queue.push(...row.parents);
    }
    return [...found.values()];
  };
  const skillSimilarity = (a: string, b: string): number => linkSimilarity(list().require(a), list().require(b));
  return { skill, skillAncestors, skillSimilarity };
}
