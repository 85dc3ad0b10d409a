import { rowError, type RowError } from './row-error.js';

/** A cell as read from CSV (text) or XLSX (text, number or boolean). */
export type Cell = string | number | boolean | undefined;

const blank = (cell: Cell) => cell === undefined || (typeof cell === 'string' && cell.trim() === '');
const text = (cell: Cell) => String(cell).trim();

// 1900 date system: serial 25569 is 1970-01-01 (Excel's phantom 29 Feb 1900 is before any date we read).
const EXCEL_EPOCH_OFFSET = 25_569;

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
    if (typeof cell === 'number' && Number.isInteger(cell)) return cell;
    const digits = text(cell).replace(/[\s.,]/g, '');
    if (/^\d+$/.test(digits)) return Number(digits);
    this.errors.push(rowError(column, 'NOT_A_NUMBER', `"${text(cell)}" is not a whole number`));
    return undefined;
  }

  decimal(column: string): number | undefined {
    const cell = this.record[column];
    if (blank(cell)) return undefined;
    if (typeof cell === 'number') return cell;
    const value = Number(text(cell).replace(',', '.'));
    if (Number.isFinite(value)) return value;
    this.errors.push(rowError(column, 'NOT_A_NUMBER', `"${text(cell)}" is not a number`));
    return undefined;
  }

  boolean(column: string): boolean | undefined {
    const cell = this.record[column];
    if (blank(cell)) return undefined;
    if (typeof cell === 'boolean') return cell;
    const value = text(cell).toLowerCase();
    if (['yes', 'y', 'true', '1', 'x', 'có', 'co'].includes(value)) return true;
    if (['no', 'n', 'false', '0', 'không', 'khong'].includes(value)) return false;
    this.errors.push(rowError(column, 'NOT_A_BOOLEAN', `"${text(cell)}" is not yes or no`));
    return undefined;
  }

  /** YYYY-MM-DD, DD/MM/YYYY (as written in Vietnam) or an Excel date serial. */
  date(column: string): string | undefined {
    const cell = this.record[column];
    if (blank(cell)) return undefined;
    if (typeof cell === 'number') return new Date((cell - EXCEL_EPOCH_OFFSET) * 86_400_000).toISOString().slice(0, 10);
    const value = text(cell);
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
    const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
    if (vn) return `${vn[3]}-${vn[2]!.padStart(2, '0')}-${vn[1]!.padStart(2, '0')}`;
    this.errors.push(rowError(column, 'NOT_A_DATE', `"${value}" is not a date (YYYY-MM-DD or DD/MM/YYYY)`));
    return undefined;
  }

  /** A list in one cell: items separated by ";" or "|". */
  list(column: string): string[] {
    const value = this.string(column);
    return value === undefined ? [] : value.split(/[;|]/).map((item) => item.trim()).filter((item) => item.length > 0);
  }
}
