import type { VacancyState } from './vacancy.js';
import type { VacancyTerms } from './vacancy-terms.js';
import { titleKey } from './title-key.js';

/** Title keys at least this similar (1 − edit distance / length) are the same job. */
export const TITLE_SIMILARITY_THRESHOLD = 0.85;

export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}

export function titleSimilarity(a: string, b: string): number {
  const [x, y] = [titleKey(a), titleKey(b)];
  const longest = Math.max(x.length, y.length);
  return longest === 0 ? 1 : 1 - editDistance(x, y) / longest;
}

type Posting = Pick<VacancyTerms, 'title' | 'occupationCode' | 'communeCode' | 'industrialParkCode'>;

/** Same employer, same occupation, same workplace and a near-identical title: the same posting twice. */
export const isDuplicatePosting = (a: Posting & { employerId: string }, b: Posting & { employerId: string }): boolean =>
  a.employerId === b.employerId &&
  a.occupationCode === b.occupationCode &&
  a.communeCode === b.communeCode &&
  (a.industrialParkCode ?? null) === (b.industrialParkCode ?? null) &&
  titleSimilarity(a.title, b.title) >= TITLE_SIMILARITY_THRESHOLD;

/** The open vacancy a new posting duplicates (the most similar title), if any. */
export function findDuplicate<V extends { id: string; state: VacancyState }>(
  employerId: string,
  terms: VacancyTerms,
  open: readonly V[],
): V | undefined {
  const posting = { ...terms, employerId };
  const matches = open.filter((v) => v.state.status === 'open' && isDuplicatePosting(posting, { ...v.state.terms, employerId: v.state.employerId }));
  return matches.sort((a, b) => titleSimilarity(terms.title, b.state.terms.title) - titleSimilarity(terms.title, a.state.terms.title))[0];
}

const unionBy = <T>(older: readonly T[], newer: readonly T[], key: (item: T) => string): T[] => {
  const newerKeys = new Set(newer.map(key));
  return [...older.filter((item) => !newerKeys.has(key(item))), ...newer];
};

/**
 * One posting from two: the newer submission's wording and pay, the larger
 * headcount, the later deadline, and the union of skills, certificates and
 * languages (the newer entry wins for a code both list).
 */
export function mergeTerms(existing: VacancyTerms, incoming: VacancyTerms): VacancyTerms {
  return {
    ...existing,
    ...incoming,
    description: incoming.description ?? existing.description,
    positions: Math.max(existing.positions, incoming.positions),
    deadline: incoming.deadline > existing.deadline ? incoming.deadline : existing.deadline,
    skills: unionBy(existing.skills, incoming.skills, (s) => s.code),
    certificates: [...new Set([...existing.certificates, ...incoming.certificates])],
    languages: unionBy(existing.languages, incoming.languages, (l) => l.code),
    welcomedGroups: [...new Set([...existing.welcomedGroups, ...incoming.welcomedGroups])],
  };
}
