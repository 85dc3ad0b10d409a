import { foldHeader } from '@ketnoi/tabular';
import type { Cell } from './cell-values.js';

/** A table read from a file: its header (normalised column names) and its records, numbered as the file shows them. */
export interface Sheet {
  header: string[];
  records: { row: number; values: Record<string, Cell> }[];
}

/** "Wage min (VND)" → "wage_min_vnd"; "Mã nghề" stays readable as "ma_nghe". */
export const columnName = (label: string): string => foldHeader(label).replace(/ /g, '_');

const isBlankRow = (values: readonly Cell[]) => values.every((v) => v === undefined || (typeof v === 'string' && v.trim() === ''));

/** Builds a sheet from rows of cells, the first being the header; blank rows are skipped. */
export function sheetFrom(rows: readonly { row: number; cells: readonly Cell[] }[]): Sheet {
  const [head, ...body] = rows.filter((r) => !isBlankRow(r.cells));
  if (!head) return { header: [], records: [] };
  const header = head.cells.map((cell) => columnName(String(cell ?? '')));
  const records = body.map(({ row, cells }) => ({
    row,
    values: Object.fromEntries(header.map((column, i) => [column, cells[i]])),
  }));
  return { header, records };
}
