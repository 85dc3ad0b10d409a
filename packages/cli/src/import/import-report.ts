import { z } from 'zod';
import { fileRow, type TableChunk } from './chunk-table.js';

/** One row's outcome, whichever service answered. */
export interface RowOutcome {
  row: number;
  outcome: string;
  id?: string;
  errors: { field: string; message: string }[];
}

export interface ImportReport {
  rows: number;
  /** Rows per outcome: registered, updated, unchanged, rejected (workers); created, updated, merged, unchanged, rejected (vacancies). */
  outcomes: Record<string, number>;
  unknownColumns: string[];
  results: RowOutcome[];
}

const rowError = z.object({ field: z.string(), message: z.string() });

/** registration `POST /v1/workers/import`. */
export const workerImportAnswer = z.object({
  unknownColumns: z.array(z.string()).default([]),
  rows: z.array(z.object({ row: z.number(), outcome: z.string(), workerId: z.string().optional(), errors: z.array(rowError).optional() })),
});

/** vacancy-intake `POST /v1/vacancies/import`. */
export const vacancyImportAnswer = z.object({
  rows: z.array(z.object({ row: z.number(), status: z.string(), vacancyId: z.string().optional(), errors: z.array(rowError).optional() })),
});

export const emptyReport = (): ImportReport => ({ rows: 0, outcomes: {}, unknownColumns: [], results: [] });

/** Adds one chunk's answer to the report, with row numbers of the whole file. */
export function addChunk(report: ImportReport, chunk: TableChunk, rows: readonly RowOutcome[], unknownColumns: readonly string[] = []): void {
  for (const row of rows) {
    report.rows += 1;
    report.outcomes[row.outcome] = (report.outcomes[row.outcome] ?? 0) + 1;
    report.results.push({ ...row, row: fileRow(chunk, row.row) });
  }
  for (const column of unknownColumns) if (!report.unknownColumns.includes(column)) report.unknownColumns.push(column);
}

export const workerRows = (answer: z.infer<typeof workerImportAnswer>): RowOutcome[] =>
  answer.rows.map((r) => ({ row: r.row, outcome: r.outcome, ...(r.workerId ? { id: r.workerId } : {}), errors: r.errors ?? [] }));

export const vacancyRows = (answer: z.infer<typeof vacancyImportAnswer>): RowOutcome[] =>
  answer.rows.map((r) => ({ row: r.row, outcome: r.status, ...(r.vacancyId ? { id: r.vacancyId } : {}), errors: r.errors ?? [] }));
