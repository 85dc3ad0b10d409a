import type { ListLoader } from '../core/reference-data.js';
import { codesIn } from '../core/check-references.js';
import { LIST_IDS, type ListId } from '../core/list-ids.js';
import { LIST_DEFINITIONS } from '../core/list-registry.js';
import { rowError, type RowError } from '../core/row-error.js';

/**
 * A replacement must not strand the lists that point into it: every code
 * that another list uses (a commune's former district, a park's commune)
 * must still exist in the new file.
 */
export function checkDependents(listId: ListId, newCodes: ReadonlySet<string>, loader: ListLoader): RowError[] {
  const errors: RowError[] = [];
  for (const other of LIST_IDS) {
    if (other === listId) continue;
    const references = (LIST_DEFINITIONS[other].references ?? []).filter((reference) => reference.list === listId);
    if (references.length === 0) continue;
    for (const row of loader.list(other).items) {
      for (const reference of references) {
        for (const code of codesIn(row, reference.column)) {
          if (!newCodes.has(code)) {
            errors.push(rowError(0, reference.column, `${other} ${row.code} uses ${listId} code ${code}, which the new file lacks`));
          }
        }
      }
    }
  }
  return errors;
}
