import { writeCsv } from '@ketnoi/reference-data';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';

export type ExportFormat = 'json' | 'csv' | 'xlsx';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface Column<T> {
  /** Vietnamese first, English in brackets: the file goes to analysts' spreadsheets as is. */
  header: string;
  value: (row: T) => string | number | boolean | null | undefined;
}

/** The format asked for: `format=` wins over the Accept header; JSON by default. */
export function formatOf(format: ExportFormat | undefined, accept: string | undefined): ExportFormat {
  if (format !== undefined) return format;
  if ((accept ?? '').includes(XLSX_TYPE)) return 'xlsx';
  if ((accept ?? '').includes('text/csv')) return 'csv';
  return 'json';
}

const cellText = (v: string | number | boolean | null | undefined): string =>
  v === null || v === undefined ? '' : typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(4)) : String(v);

export function toCsv<T>(columns: readonly Column<T>[], rows: readonly T[]): string {
  const headers = columns.map((c) => c.header);
  return `\uFEFF${writeCsv(
    headers,
    rows.map((row) => Object.fromEntries(columns.map((c) => [c.header, cellText(c.value(row))]))),
  )}`;
}

export async function toXlsx<T>(sheet: string, columns: readonly Column<T>[], rows: readonly T[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'KetNoi analytics';
  const worksheet = workbook.addWorksheet(sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  worksheet.columns = columns.map((c) => ({ header: c.header, width: Math.min(40, Math.max(12, c.header.length * 0.8)) }));
  worksheet.getRow(1).font = { bold: true };
  for (const row of rows) worksheet.addRow(columns.map((c) => c.value(row) ?? null));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Sends rows as CSV (UTF-8 with BOM) or XLSX, with a file name. */
export async function sendFile<T>(reply: FastifyReply, format: 'csv' | 'xlsx', name: string, columns: readonly Column<T>[], rows: readonly T[]) {
  const disposition = `attachment; filename="${name}.${format}"`;
  if (format === 'csv') return reply.type('text/csv; charset=utf-8').header('content-disposition', disposition).send(toCsv(columns, rows));
  return reply.type(XLSX_TYPE).header('content-disposition', disposition).send(await toXlsx(name, columns, rows));
}
