import { KetNoiError, validationError } from '@ketnoi/errors';
import { readCsv } from './read-csv.js';
import { readXlsx } from './read-xlsx.js';
import type { TableFormat } from './table.js';
import type { Table } from './table.js';

const XLSX_TYPES = ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];
const CSV_TYPES = ['text/csv', 'application/csv', 'text/plain'];
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

const mediaType = (contentType: string | undefined): string | undefined => contentType?.split(';')[0]?.trim().toLowerCase() || undefined;

const unsupported = (type: string) => new KetNoiError('UNSUPPORTED_MEDIA_TYPE', `Send CSV or XLSX, not ${type}`, { status: 415 });

/** Which format a file is, by content type or, failing that, by its first bytes (XLSX is a zip). */
export function formatOf(contentType: string | undefined, content: Buffer): TableFormat {
  const type = mediaType(contentType);
  if (type && XLSX_TYPES.includes(type)) return 'xlsx';
  if (type && CSV_TYPES.includes(type)) return 'csv';
  if (content.subarray(0, 4).equals(ZIP_MAGIC)) return 'xlsx';
  if (type && type !== 'application/octet-stream') throw unsupported(type);
  return 'csv';
}

/**
 * The file sent as a request body, as a table. A body that is not a file
 * (missing, empty, or parsed as JSON by another content type) is the
 * client's mistake: 400 or 415, never a crash.
 */
export async function readTable(content: unknown, contentType?: string): Promise<Table> {
  if (!Buffer.isBuffer(content)) {
    const type = mediaType(contentType);
    if (type && ![...XLSX_TYPES, ...CSV_TYPES, 'application/octet-stream'].includes(type)) throw unsupported(type);
    throw validationError('Send the file itself (CSV or XLSX) as the request body');
  }
  if (content.length === 0) throw validationError('The file is empty');
  return formatOf(contentType, content) === 'xlsx' ? readXlsx(content) : readCsv(content);
}
