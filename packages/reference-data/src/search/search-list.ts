import type { CodedRow } from '../core/list-definition.js';
import { fold, tokens } from './fold.js';

export interface SearchOptions {
  /** At most this many results (default 10). */
  readonly limit?: number;
}

/** What a row offers to search: its code and folded labels. */
interface Entry<Row> {
  readonly row: Row;
  readonly code: string;
  readonly labels: readonly string[];
  readonly words: readonly string[];
  readonly order: number;
}

export interface SearchIndex<Row extends CodedRow> {
  search(query: string, options?: SearchOptions): Row[];
}

const EXACT_CODE = 1000;
const LABEL_EQUALS = 600;
const LABEL_PREFIX = 500;
const ALL_TOKENS = 100;

/**
 * Scores one entry: an exact code beats a label that starts with the query,
 * which beats a row whose words start with every query token (a code prefix
 * counts as a word). Zero means no match.
 */
function score(entry: Entry<unknown>, query: string, queryTokens: readonly string[]): number {
  if (entry.code === query) return EXACT_CODE;
  if (entry.labels.some((label) => label === query)) return LABEL_EQUALS;
  if (entry.labels.some((label) => label.startsWith(query))) return LABEL_PREFIX;
  const words = [...entry.words, entry.code];
  const matched = queryTokens.every((token) => words.some((word) => word.startsWith(token)));
  return matched ? ALL_TOKENS + queryTokens.filter((token) => words.includes(token)).length : 0;
}

/** Builds a search over rows: folded query tokens matched against folded labels and codes. */
export function searchIndex<Row extends CodedRow>(rows: readonly Row[], labelsOf: (row: Row) => readonly string[]): SearchIndex<Row> {
  const entries: Entry<Row>[] = rows.map((row, order) => {
    const labels = labelsOf(row).map(fold).filter((label) => label !== '');
    return { row, code: fold(row.code), labels, words: labels.flatMap((label) => tokens(label)), order };
  });
  return {
    search(query, options = {}) {
      const folded = fold(query);
      const queryTokens = tokens(query);
      if (queryTokens.length === 0) return [];
      const scored = entries
        .map((entry) => ({ entry, score: score(entry, folded, queryTokens) }))
        .filter((hit) => hit.score > 0);
      scored.sort(
        (a, b) =>
          b.score - a.score ||
          (a.entry.labels[0]?.length ?? 0) - (b.entry.labels[0]?.length ?? 0) ||
          a.entry.order - b.entry.order,
      );
      return scored.slice(0, options.limit ?? 10).map((hit) => hit.entry.row);
    },
  };
}
