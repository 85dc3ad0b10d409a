import type { Table } from '@ketnoi/tabular';
import { stringify } from 'csv-stringify/sync';

export interface TableChunk {
  /** The chunk as a CSV file with the original header. */
  csv: string;
  /** The file's row number (header = 1) of each chunk row, in order. */
  rowNumbers: number[];
}

/**
 * Splits a table into CSV files of at most `size` rows, each with the
 * original header, so a large import shows progress and a failure costs one
 * chunk. XLSX files become CSV the services read the same way.
 */
export function chunkTable(table: Table, size: number): TableChunk[] {
  const chunks: TableChunk[] = [];
  for (let start = 0; start < table.rows.length; start += size) {
    const rows = table.rows.slice(start, start + size);
    const csv = stringify([table.headers, ...rows.map((row) => table.headers.map((h) => row.cells[h] ?? ''))], { bom: false });
    chunks.push({ csv, rowNumbers: rows.map((row) => row.rowNumber) });
  }
  return chunks;
}

/** The file's row number of a chunk's row number (the chunk's header is row 1 too). */
export const fileRow = (chunk: TableChunk, chunkRow: number): number => chunk.rowNumbers[chunkRow - 2] ?? chunkRow;
