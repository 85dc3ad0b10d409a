export type Row = readonly (string | number)[];

/** A plain-text table: a header, a rule, rows; numbers right-aligned, text left-aligned; a row of one cell is a section title. */
export function renderTable(header: Row, rows: readonly Row[]): string {
  const cells = [header, ...rows].map((row) => row.map(String));
  const widths = header.map((_, column) =>
    Math.max(...cells.filter((row) => row.length > 1).map((row) => [...(row[column] ?? '')].length)),
  );
  const numeric = (text: string) => /^[-+]?[\d,.]+(\s?[%a-zA-Z/]*)?$|^–$/u.test(text);
  const line = (row: string[]) =>
    row.length === 1 && header.length > 1
      ? row[0]!
      : row
          .map((cell, column) => {
            const pad = ' '.repeat(Math.max(0, widths[column]! - [...cell].length));
            return column > 0 && numeric(cell) ? pad + cell : cell + pad;
          })
          .join('  ')
          .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(cells[0]!), rule, ...cells.slice(1).map(line)].join('\n');
}
