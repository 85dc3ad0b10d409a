import { foldHeader } from './fold-header.js';
import type { Table } from './table.js';

/** For each field, the headers a centre or an employer might use for it (any case or diacritics). */
export type ColumnAliases<F extends string> = Record<F, readonly string[]>;

export interface ColumnMapping<F extends string> {
  /** The file's header for each field found. */
  columns: Partial<Record<F, string>>;
  /** Headers that match no field (reported, not fatal). */
  unknown: string[];
}

export function mapColumns<F extends string>(table: Table, aliases: ColumnAliases<F>): ColumnMapping<F> {
  const byFolded = new Map<string, F>();
  for (const [field, names] of Object.entries(aliases) as [F, readonly string[]][]) {
    for (const name of [field, ...names]) byFolded.set(foldHeader(name), field);
  }
  const columns: Partial<Record<F, string>> = {};
  const unknown: string[] = [];
  for (const header of table.headers.filter(Boolean)) {
    const field = byFolded.get(foldHeader(header));
    if (field && columns[field] === undefined) columns[field] = header;
    else unknown.push(header);
  }
  return { columns, unknown };
}

/** A row's cells by field, empty cells left out. */
export function cellsByField<F extends string>(cells: Record<string, string>, mapping: ColumnMapping<F>): Partial<Record<F, string>> {
  const out: Partial<Record<F, string>> = {};
  for (const [field, header] of Object.entries(mapping.columns) as [F, string][]) {
    const value = cells[header];
    if (value !== undefined && value !== '') out[field] = value;
  }
  return out;
}
