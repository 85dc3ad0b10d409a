import { readFile } from 'node:fs/promises';
import { readTable } from '@ketnoi/tabular';
import { chunkTable } from './chunk-table.js';
import { addChunk, emptyReport, vacancyImportAnswer, vacancyRows, workerImportAnswer, workerRows, type ImportReport } from './import-report.js';

export type ImportKind = 'workers' | 'vacancies';

export interface ImportFileOptions {
  kind: ImportKind;
  file: string;
  /** Base URL of registration (workers) or vacancy-intake (vacancies). */
  baseUrl: string;
  token: string;
  /** vacancy-intake: the employer of rows that name none (staff). */
  employerId?: string;
  chunkRows: number;
  fetch?: typeof fetch;
  onProgress?: (done: number, total: number) => void;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Problem details of a refused chunk, as one line (never the file's content). */
async function refusal(response: Response, rows: string): Promise<Error> {
  const text = await response.text();
  let detail = text.slice(0, 300);
  try {
    const problem = JSON.parse(text) as { code?: string; detail?: string };
    detail = [problem.code, problem.detail].filter(Boolean).join(': ');
  } catch {
    // not problem+json: keep the text
  }
  return new Error(`rows ${rows} refused: HTTP ${response.status} ${detail}`);
}

/**
 * Imports a CSV or XLSX file through the service's own import endpoint, in
 * chunks of `chunkRows` rows, and merges the per-row reports (row numbers of
 * the whole file). A refused chunk (401, 413, unknown columns…) stops the import.
 */
export async function importFile(options: ImportFileOptions): Promise<ImportReport> {
  const content = await readFile(options.file);
  const table = await readTable(content, options.file.toLowerCase().endsWith('.xlsx') ? XLSX : 'text/csv');
  const chunks = chunkTable(table, options.chunkRows);
  const report = emptyReport();
  const doFetch = options.fetch ?? fetch;
  const path = options.kind === 'workers' ? '/v1/workers/import' : `/v1/vacancies/import${options.employerId ? `?employerId=${encodeURIComponent(options.employerId)}` : ''}`;
  const url = `${options.baseUrl.replace(/\/+$/, '')}${path}`;
  options.onProgress?.(0, table.rows.length);
  let done = 0;
  for (const chunk of chunks) {
    const response = await doFetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${options.token}`, 'content-type': 'text/csv', accept: 'application/json' },
      body: chunk.csv,
    });
    if (response.status !== 200) throw await refusal(response, `${chunk.rowNumbers[0]}-${chunk.rowNumbers.at(-1)}`);
    const body = (await response.json()) as unknown;
    if (options.kind === 'workers') {
      const answer = workerImportAnswer.parse(body);
      addChunk(report, chunk, workerRows(answer), answer.unknownColumns);
    } else addChunk(report, chunk, vacancyRows(vacancyImportAnswer.parse(body)));
    done += chunk.rowNumbers.length;
    options.onProgress?.(done, table.rows.length);
  }
  return report;
}
