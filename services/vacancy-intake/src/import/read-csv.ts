import { KetNoiError } from '@ketnoi/errors';
import { parse } from 'csv-parse/sync';
import { sheetFrom, type Sheet } from './sheet.js';

/** A CSV file (UTF-8, with or without BOM; comma or semicolon separated) as a sheet. */
export function readCsv(text: string): Sheet {
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, delimiter, relax_column_count: true, skip_empty_lines: false, max_record_size: 64 * 1024 }) as string[][];
  } catch (error) {
    throw new KetNoiError('IMPORT_UNREADABLE', `The CSV cannot be read: ${(error as Error).message}`, { status: 400 });
  }
  return sheetFrom(rows.map((cells, i) => ({ row: i + 1, cells })));
}
