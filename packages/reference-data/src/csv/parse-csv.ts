import { parse } from 'csv-parse/sync';

/** One data record of a CSV file, keyed by header column, with its line number. */
export interface CsvRecord {
  /** Line of the file where the record ends (the header is line 1). */
  readonly row: number;
  readonly values: Readonly<Record<string, string>>;
  /** Number of fields the record actually had. */
  readonly width: number;
}

export interface CsvTable {
  readonly header: readonly string[];
  readonly records: readonly CsvRecord[];
}

interface ParsedRecord {
  record: string[];
  info: { lines: number };
}

/**
 * Parses RFC 4180 CSV text (UTF-8, header first). The text is normalised to
 * NFC first so that a list saved by a spreadsheet in NFD still matches codes
 * and labels typed elsewhere. Blank lines are skipped; a record whose width
 * differs from the header is kept so the caller can report it by row.
 */
export function parseCsv(text: string): CsvTable {
  const parsed = parse(text.normalize('NFC'), {
    bom: true,
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
  }) as unknown as ParsedRecord[];
  const [first, ...rest] = parsed;
  if (first === undefined) return { header: [], records: [] };
  const header = first.record.map((name) => name.trim());
  const records = rest.map(({ record, info }) => ({
    row: info.lines,
    width: record.length,
    values: Object.fromEntries(header.map((name, i) => [name, record[i] ?? ''])),
  }));
  return { header, records };
}
