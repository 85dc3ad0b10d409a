import { parseCsv, type CsvRecord } from '../csv/parse-csv.js';
import { checkHierarchy } from './check-hierarchy.js';
import { checkReferences, type KnownCodes } from './check-references.js';
import type { CodedRow, ListDefinition } from './list-definition.js';
import type { ListId } from './list-ids.js';
import { listDefinition, type ListRow } from './list-registry.js';
import { rowError, type RowError } from './row-error.js';

export interface LoadOptions {
  /** Codes of other lists, to check references into them; lists not given are not checked. */
  readonly references?: KnownCodes;
}

export type LoadResult<Row> =
  | { readonly ok: true; readonly rows: readonly Row[] }
  | { readonly ok: false; readonly errors: readonly RowError[] };

function checkHeader(columns: readonly string[], header: readonly string[]): RowError[] {
  const missing = columns.filter((column) => !header.includes(column));
  const unknown = header.filter((column) => !columns.includes(column));
  const duplicated = header.filter((column, i) => header.indexOf(column) !== i);
  return [
    ...missing.map((column) => rowError(1, column, 'missing column')),
    ...unknown.map((column) => rowError(1, column, `unknown column (expected ${columns.join(',')})`)),
    ...duplicated.map((column) => rowError(1, column, 'column appears twice')),
  ];
}

function decodeRecords<Row extends CodedRow>(definition: ListDefinition<Row>, records: readonly CsvRecord[], width: number) {
  const rows: Row[] = [];
  const rowNumbers: number[] = [];
  const errors: RowError[] = [];
  for (const record of records) {
    if (record.width !== width) {
      errors.push(rowError(record.row, null, `has ${record.width} fields, the header has ${width}`));
      continue;
    }
    const decoded = definition.schema.safeParse(record.values);
    if (decoded.success) {
      rows.push(decoded.data);
      rowNumbers.push(record.row);
    } else {
      for (const issue of decoded.error.issues) {
        const column = typeof issue.path[0] === 'string' ? issue.path[0] : null;
        const cell = column === null ? '' : ` (got "${record.values[column] ?? ''}")`;
        errors.push(rowError(record.row, column, `${issue.message}${cell}`));
      }
    }
  }
  return { rows, rowNumbers, errors };
}

function checkUnique(rows: readonly CodedRow[], rowNumbers: readonly number[]): RowError[] {
  const firstAt = new Map<string, number>();
  return rows.flatMap((row, i) => {
    const at = rowNumbers[i] ?? 0;
    const first = firstAt.get(row.code);
    if (first === undefined) {
      firstAt.set(row.code, at);
      return [];
    }
    return [rowError(at, 'code', `duplicate code ${row.code} (first at row ${first})`)];
  });
}

/**
 * Reads one list from CSV text and validates it: the header, every row
 * against the list's zod schema, unique codes, references (to itself and to
 * the lists given in `options.references`), parent cycles and the list's
 * own rules. The same function loads the packaged lists and checks an
 * official replacement file, so both pass the same gate.
 */
export function loadListFromCsv<K extends ListId>(listId: K, csvText: string, options: LoadOptions = {}): LoadResult<ListRow<K>> {
  const definition = listDefinition(listId);
  let table;
  try {
    table = parseCsv(csvText);
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 0;
    return { ok: false, errors: [rowError(line, null, `not valid CSV: ${(error as Error).message}`)] };
  }
  const headerErrors = checkHeader(definition.columns, table.header);
  if (headerErrors.length > 0) return { ok: false, errors: headerErrors };
  if (table.records.length === 0) return { ok: false, errors: [rowError(0, null, 'the file has no rows')] };
  const { rows, rowNumbers, errors } = decodeRecords(definition, table.records, table.header.length);
  errors.push(
    ...checkUnique(rows, rowNumbers),
    ...checkReferences(definition, rows, rowNumbers, options.references ?? {}),
    ...(definition.hierarchy ? checkHierarchy(rows, rowNumbers, definition.hierarchy) : []),
    ...(definition.check?.(rows, rowNumbers) ?? []),
  );
  errors.sort((a, b) => a.row - b.row);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows };
}
