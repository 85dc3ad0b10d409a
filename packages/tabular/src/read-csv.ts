import { parse } from 'csv-parse/sync';
import { validationError } from '@ketnoi/errors';
import type { Table } from './table.js';
import { toTable } from './to-table.js';

/** Comma, semicolon (Excel in Vietnamese locale) or tab, whichever the header line uses most. */
const guessDelimiter = (firstLine: string): string => {
  const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
};

export function readCsv(content: Buffer): Table {
  const text = content.toString('utf8').replace(/^\uFEFF/, '');
  const delimiter = guessDelimiter(text.split('\n', 1)[0] ?? '');
  let records: string[][];
  try {
    records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false, trim: true });
  } catch (error) {
    throw validationError(`The CSV file cannot be read: ${(error as Error).message}`);
  }
  return toTable(records);
}
