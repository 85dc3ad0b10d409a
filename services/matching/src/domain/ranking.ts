/** One entry of a top-K list: the other side's id and the score. */
export interface Ranked {
  id: string;
  score: number;
}

/** Higher score first; equal scores by id, so every instance ranks alike. */
export const byRank = (a: Ranked, b: Ranked): number => (a.score !== b.score ? b.score - a.score : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Whether `candidate` would rank before `entry`. */
export const outranks = (candidate: Ranked, entry: Ranked): boolean => byRank(candidate, entry) < 0;

/** Inserts into a list sorted by rank, keeping at most k; returns the entry pushed out, if any. */
export function insertRanked(list: Ranked[], entry: Ranked, k: number): Ranked | undefined {
  let at = list.length;
  while (at > 0 && outranks(entry, list[at - 1]!)) at -= 1;
  if (at >= k) return entry;
  list.splice(at, 0, entry);
  return list.length > k ? list.pop() : undefined;
}
