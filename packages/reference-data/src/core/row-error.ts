/** One problem found in a CSV list, located so a person can fix the file. */
export interface RowError {
  /** Line of the CSV file (the header is line 1); 0 for the file as a whole. */
  readonly row: number;
  /** The column concerned, or null when the whole row or file is. */
  readonly column: string | null;
  readonly reason: string;
}

export const rowError = (row: number, column: string | null, reason: string): RowError => ({ row, column, reason });

/** Formats errors one per line, the way the replace command prints them. */
export const formatRowErrors = (errors: readonly RowError[]): string =>
  errors.map((e) => `row ${e.row}${e.column === null ? '' : `, column ${e.column}`}: ${e.reason}`).join('\n');
