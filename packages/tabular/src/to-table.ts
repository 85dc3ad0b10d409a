import { validationError } from '@ketnoi/errors';
import type { Table } from './table.js';

/** First row = headers; fully empty rows are skipped but keep the numbering a person sees. */
export function toTable(records: string[][]): Table {
  const [head, ...body] = records;
  if (!head || head.every((cell) => cell === '')) throw validationError('The file has no header row');
  const headers = head.map((cell) => cell.trim());
  const rows = body.flatMap((record, index) => {
    if (record.every((cell) => cell.trim() === '')) return [];
    const cells: Record<string, string> = {};
    headers.forEach((header, column) => {
      if (header) cells[header] = (record[column] ?? '').trim();
    });
    return [{ rowNumber: index + 2, cells }];
  });
  return { headers, rows };
}
