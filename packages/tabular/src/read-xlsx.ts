import { readSheet } from 'read-excel-file/node';
import { validationError } from '@ketnoi/errors';
import type { Table } from './table.js';
import { toTable } from './to-table.js';
import { assertUnpackedAtMost } from './zip-size.js';

/** What a workbook may unpack to: a zip bomb stops here, before it is unpacked. */
export const MAX_UNPACKED_BYTES = 64 * 1024 * 1024;

type Cell = string | number | boolean | Date | null;

/** Cells as text: dates as YYYY-MM-DD, numbers without grouping. */
const cellText = (cell: Cell): string => {
  if (cell === null) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).trim();
};

/**
 * The first sheet of an XLSX workbook. Number cells stay numbers as text, so
 * a date the sheet did not format as one arrives as its serial (`dayOf`).
 */
export async function readXlsx(content: Buffer, maxUnpackedBytes = MAX_UNPACKED_BYTES): Promise<Table> {
  assertUnpackedAtMost(content, maxUnpackedBytes);
  let rows: Cell[][];
  try {
    rows = (await readSheet(content, 1)) as unknown as Cell[][];
  } catch (error) {
    throw validationError(`The XLSX file cannot be read: ${(error as Error).message}`);
  }
  return toTable(rows.map((row) => row.map(cellText)));
}
