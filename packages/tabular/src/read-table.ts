import { KetNoiError } from '@ketnoi/errors';
import { readCsv } from './read-csv.js';
import { readXlsx } from './read-xlsx.js';
import type { Table, TableFormat } from './table.js';

const XLSX_TYPES = ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];
const CSV_TYPES = ['text/csv', 'application/csv', 'text/plain'];

/** Which format a file is, by content type or, failing that, by its first bytes (XLSX is a zip). */
export function formatOf(contentType: string | undefined, content: Buffer): TableFormat {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  if (type && XLSX_TYPES.includes(type)) return 'xlsx';
  if (type && CSV_TYPES.includes(type)) return 'csv';
  if (content.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return 'xlsx';
  if (type && type !== 'application/octet-stream') {
    throw new KetNoiError('UNSUPPORTED_MEDIA_TYPE', `Send CSV or XLSX, not ${type}`, { status: 415 });
  }
  return 'csv';
}

export async function readTable(content: Buffer, contentType?: string): Promise<Table> {
  return formatOf(contentType, content) === 'xlsx' ? readXlsx(content) : readCsv(content);
}
