import { dayOf } from '@ketnoi/tabular';
import { rowError, type RowError } from './row-error.js';

/** A cell as @ketnoi/tabular reads it from CSV or XLSX: text (numbers and booleans of a sheet as they print). */
export type Cell = string | undefined;

const text = (cell: Cell) => (cell ?? '').trim();
const blank = (cell: Cell) => text(cell) === '';

export class CellReader {
  readonly errors: RowError[] = [];

  constructor(private readonly record: Record<string, Cell>) {}

  has(column: string): boolean {
    return !blank(this.record[column]);
  }

  string(column: string): string | undefined {
    return this.has(column) ? text(this.record[column]) : undefined;
  }

  /** Whole VND amounts or counts: "8.000.000", "8,000,000" and "8 000 000" all read 8000000. */
  integer(column: string): number | undefined {
    const cell = this.record[column];
    if (blank(cell)) return undefined;
    const digits = text(cell).replace(/[\s.,]/g, '');
    if (/^\d+$/.test(digits)) return Number(digits);
    this.errors.push(rowError(column, 'NOT_A_NUMBER', `"${text(cell)}" is not a whole number`));
    return undefined;
  }

  decimal(column: string): number | undefined {
    const cell = this.record[column];
    if (blank(cell)) return undefined;
    const value = Number(text(cell).replace(',', '.'));
    if (Number.isFinite(value)) return value;
    this.errors.push(rowError(column, 'NOT_A_NUMBER', `"${text(cell)}" is not a number`));
    return undefined;
  }

  boolean(column: string): boolean | undefined {
    const cell = this.record[column];
    if (blank(cell)) return undefined;
    const value = text(cell).toLowerCase();
    if (['yes', 'y', 'true', '1', 'x', 'có', 'co'].includes(value)) return true;
    if (['no', 'n', 'false', '0', 'không', 'khong'].includes(value)) return false;
    this.errors.push(rowError(column, 'NOT_A_BOOLEAN', `"${text(cell)}" is not yes or no`));
    return undefined;
  }

  /** YYYY-MM-DD, DD/MM/YYYY (as written in Vietnam) or an Excel date serial (a sheet's unformatted date). */
  date(column: string): string | undefined {
    const cell = this.record[column];
    if (blank(cell)) return undefined;
    const value = text(cell);
    const day = dayOf(value);
    if (day !== undefined) return day;
    this.errors.push(rowError(column, 'NOT_A_DATE', `"${value}" is not a date (YYYY-MM-DD or DD/MM/YYYY)`));
    return undefined;
  }

  /** A list in one cell: items separated by ";" or "|". */
  list(column: string): string[] {
    const value = this.string(column);
    return value === undefined ? [] : value.split(/[;|]/).map((item) => item.trim()).filter((item) => item.length > 0);
  }
}
