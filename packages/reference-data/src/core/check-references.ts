import type { ListDefinition, CodedRow } from './list-definition.js';
import type { ListId } from './list-ids.js';
import { rowError, type RowError } from './row-error.js';

/** Codes of the lists a list may point into, by list id. */
export type KnownCodes = Partial<Record<ListId, ReadonlySet<string>>>;

export const codesIn = (row: CodedRow, column: string): string[] => {
  const value = (row as unknown as Record<string, unknown>)[column];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
};

/**
 * Every code in a reference column must exist in its target list. A list
 * referring to itself is checked against its own codes; a reference into a
 * list whose codes are not known is skipped (the caller did not load it).
 */
export function checkReferences<Row extends CodedRow>(
  definition: ListDefinition<Row>,
  rows: readonly Row[],
  rowNumbers: readonly number[],
  known: KnownCodes,
): RowError[] {
  const own = new Set(rows.map((row) => row.code));
  const errors: RowError[] = [];
  for (const reference of definition.references ?? []) {
    const target = reference.list === definition.id ? own : known[reference.list];
    if (target === undefined) continue;
    rows.forEach((row, i) => {
      for (const code of codesIn(row, reference.column)) {
        if (!target.has(code)) {
          errors.push(rowError(rowNumbers[i] ?? 0, reference.column, `${code} is not a code of ${reference.list}`));
        }
      }
    });
  }
  return errors;
}
