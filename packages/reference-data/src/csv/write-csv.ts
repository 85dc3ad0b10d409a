import { stringify } from 'csv-stringify/sync';

/**
 * Writes records as RFC 4180 CSV with a header: fields holding a comma, a
 * quote or a line break are quoted, quotes doubled; lines end in LF.
 */
export function writeCsv(columns: readonly string[], records: readonly Readonly<Record<string, string>>[]): string {
  return stringify(
    records.map((record) => columns.map((column) => record[column] ?? '')),
    { header: true, columns: [...columns], record_delimiter: 'unix' },
  );
}
