import { isKetNoiError, KetNoiError } from '@ketnoi/errors';
import { foldHeader, readCsv, readXlsx, type Table } from '@ketnoi/tabular';
import type { Cell } from './cell-values.js';

/** A table read from a file: its header (normalised column names) and its records, numbered as the file shows them. */
export interface Sheet {
  header: string[];
  records: { row: number; values: Record<string, Cell> }[];
}

/** "Wage min (VND)" → "wage_min_vnd"; "Mã nghề" stays readable as "ma_nghe". */
export const columnName = (label: string): string => foldHeader(label).replace(/ /g, '_');

/** A table of @ketnoi/tabular (cells by the file's own headers) with this service's column names. */
export function sheetOf(table: Table): Sheet {
  const header = table.headers.map(columnName);
  const records = table.rows.map(({ rowNumber, cells }) => ({
    row: rowNumber,
    values: Object.fromEntries(table.headers.map((label, i) => [header[i]!, cells[label]])),
  }));
  return { header, records };
}

/** A file tabular cannot read is this service's IMPORT_UNREADABLE (400), as it always answered. */
export async function readSheet(format: 'csv' | 'xlsx', content: Buffer): Promise<Sheet> {
  try {
    return sheetOf(format === 'csv' ? readCsv(content) : await readXlsx(content));
  } catch (error) {
    if (isKetNoiError(error) && error.code === 'VALIDATION_FAILED') throw new KetNoiError('IMPORT_UNREADABLE', error.message, { status: 400 });
    throw error;
  }
}
