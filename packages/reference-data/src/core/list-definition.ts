import type { z } from 'zod';
import type { ListId } from './list-ids.js';
import type { RowError } from './row-error.js';

/** A column whose codes must exist in a list (this one or another). */
export interface ListReference {
  readonly column: string;
  readonly list: ListId;
}

/** A row of any list: every row has a code, unique in its list. */
export interface CodedRow {
  readonly code: string;
}

/**
 * What one list is: its columns, the zod codec that turns a CSV record into
 * a typed row and back, what search looks at, and the checks a file must pass.
 */
export interface ListDefinition<Row extends CodedRow> {
  readonly id: ListId;
  readonly title: string;
  readonly columns: readonly string[];
  readonly schema: z.ZodType<Row>;
  /** Text that search matches besides the code (labels in vi and en, names). */
  readonly labels: (row: Row) => readonly string[];
  readonly references?: readonly ListReference[];
  /** A column holding this row's parent code(s): parents must not form a cycle. */
  readonly hierarchy?: string;
  /** Rules that span rows or columns, beyond the row schema. */
  readonly check?: (rows: readonly Row[], rowNumbers: readonly number[]) => RowError[];
}
