import { codesIn } from './check-references.js';
import type { CodedRow } from './list-definition.js';
import { rowError, type RowError } from './row-error.js';

/** Parent links must not loop, or ancestors() would never end. */
export function checkHierarchy(rows: readonly CodedRow[], rowNumbers: readonly number[], column: string): RowError[] {
  const parents = new Map(rows.map((row) => [row.code, codesIn(row, column)]));
  const rowOf = new Map(rows.map((row, i) => [row.code, rowNumbers[i] ?? 0]));
  const state = new Map<string, 'open' | 'done'>();
  const errors: RowError[] = [];
  const visit = (code: string): void => {
    state.set(code, 'open');
    for (const parent of parents.get(code) ?? []) {
      if (state.get(parent) === 'open') {
        errors.push(rowError(rowOf.get(code) ?? 0, column, `${code} → ${parent} closes a cycle of parents`));
      } else if (!state.has(parent) && parents.has(parent)) {
        visit(parent);
      }
    }
    state.set(code, 'done');
  };
  for (const row of rows) if (!state.has(row.code)) visit(row.code);
  return errors;
}
