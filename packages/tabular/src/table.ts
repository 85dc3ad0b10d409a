/** One data row: its number as a person sees it in the file (header = row 1), and its cells by header. */
export interface TableRow {
  rowNumber: number;
  cells: Record<string, string>;
}

export interface Table {
  headers: string[];
  rows: TableRow[];
}

export type TableFormat = 'csv' | 'xlsx';
