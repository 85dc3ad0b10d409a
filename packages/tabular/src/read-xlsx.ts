import { readSheet } from 'read-excel-file/node';
import { validationError } from '@ketnoi/errors';
import type { Table } from './table.js';
import { toTable } from './to-table.js';

type Cell = string | number | boolean | Date | null;

/** Cells as text: dates as YYYY-MM-DD, numbers without grouping. */
const cellText = (cell: Cell): string => {
  if (cell === null) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).trim();
};

/** The first sheet of an XLSX workbook. */
export async function readXlsx(content: Buffer): Promise<Table> {
  let rows: Cell[][];
  try {
    rows = (await readSheet(content, 1)) as unknown as Cell[][];
  } catch (error) {
    throw validationError(`The XLSX file cannot be read: ${(error as Error).message}`);
  }
  return toTable(rows.map((row) => row.map(cellText)));
}
