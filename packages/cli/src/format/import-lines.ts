import type { ImportReport } from '../import/import-report.js';
import { maskText } from './mask.js';

/** The end-of-import report: totals per outcome, then one line per refused row and field. */
export function formatImportReport(report: ImportReport): string[] {
  const totals = Object.entries(report.outcomes)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([outcome, n]) => `${outcome} ${n}`)
    .join(', ');
  const lines = [`${report.rows} rows: ${totals || 'none'}`];
  if (report.unknownColumns.length > 0) lines.push(`ignored columns: ${report.unknownColumns.join(', ')}`);
  for (const row of report.results.filter((r) => r.errors.length > 0).sort((a, b) => a.row - b.row)) {
    for (const error of row.errors) lines.push(`row ${row.row} (${row.outcome}): ${error.field}: ${maskText(error.message)}`);
  }
  return lines;
}
