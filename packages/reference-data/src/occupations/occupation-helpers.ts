import type { ReferenceList } from '../core/reference-list.js';
import type { Occupation } from './occupation-list.js';
import { codeDistance, codeSimilarity } from './occupation-similarity.js';

/** Look-ups over the ISCO-08 tree. Unknown codes raise NOT_FOUND rather than score 0. */
export function occupationHelpers(list: () => ReferenceList<Occupation>) {
  const occupation = (code: string): Occupation | undefined => list().get(code);
  const parentOf = (code: string): Occupation | undefined => {
    const parent = list().require(code).parent;
    return parent === undefined ? undefined : list().get(parent);
  };
  /** The groups above a code, nearest first (unit → minor → sub-major → major). */
  const ancestors = (code: string): Occupation[] => {
    const found: Occupation[] = [];
    for (let parent = parentOf(code); parent !== undefined; parent = parentOf(parent.code)) found.push(parent);
    return found;
  };
  const childrenOf = (code: string): Occupation[] => list().items.filter((row) => row.parent === code);
  const unitGroups = (): Occupation[] => list().items.filter((row) => row.level === 'unit');
  const occupationSimilarity = (a: string, b: string): number => {
    list().require(a);
    list().require(b);
    return codeSimilarity(a, b);
  };
  const occupationDistance = (a: string, b: string): number => {
    list().require(a);
    list().require(b);
    return codeDistance(a, b);
  };
  return { occupation, parentOf, ancestors, childrenOf, unitGroups, occupationSimilarity, occupationDistance };
}
