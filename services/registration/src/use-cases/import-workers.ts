import { isKetNoiError, validationError } from '@ketnoi/errors';
import { cellsByField, mapColumns, type Table } from '@ketnoi/tabular';
import { rowToProfile, type RowIssue } from '../import/row-to-profile.js';
import { workerColumns, type WorkerColumn } from '../import/worker-columns.js';
import type { Actor, RegistrationDeps } from './deps.js';
import { registerWorker } from './register-worker.js';

const REQUIRED: WorkerColumn[] = ['fullName', 'citizenId', 'dateOfBirth', 'gender', 'ethnicity', 'desiredOccupations'];

export interface ImportedRow {
  row: number;
  outcome: 'registered' | 'updated' | 'unchanged' | 'rejected';
  workerId?: string;
  errors?: RowIssue[];
}

export interface ImportReport {
  total: number;
  registered: number;
  updated: number;
  unchanged: number;
  rejected: number;
  unknownColumns: string[];
  rows: ImportedRow[];
}

async function importRow(deps: RegistrationDeps, cells: Partial<Record<WorkerColumn, string>>, row: number, actor: Actor): Promise<ImportedRow> {
  const mapped = rowToProfile(cells, deps.refs);
  if (!mapped.ok) return { row, outcome: 'rejected', errors: mapped.issues };
  try {
    const { outcome, worker } = await registerWorker(deps, mapped.profile, actor, {
      ifKnown: 'update',
      ...(cells.externalRef ? { externalRef: `import:${cells.externalRef}` } : {}),
    });
    return { row, outcome, workerId: worker.id };
  } catch (error) {
    if (!isKetNoiError(error) || error.status >= 500) throw error;
    const issues = (error.details?.issues as { path: string; message: string }[] | undefined)?.map((i) => ({ field: i.path, message: i.message }));
    return { row, outcome: 'rejected', errors: issues ?? [{ field: '(row)', message: error.message }] };
  }
}

/**
 * Registers or updates every good row of a centre's spreadsheet and reports
 * each rejected row with its reasons; good rows are kept whatever the others.
 */
export async function importWorkers(deps: RegistrationDeps, table: Table, actor: Actor, concurrency = 8): Promise<ImportReport> {
  const mapping = mapColumns(table, workerColumns);
  const missing = REQUIRED.filter((column) => mapping.columns[column] === undefined);
  if (missing.length > 0) {
    throw validationError(`The file lacks the columns: ${missing.join(', ')}`, { details: { missing, expected: workerColumns } });
  }
  const rows: ImportedRow[] = new Array(table.rows.length);
  let next = 0;
  const worker = async () => {
    while (next < table.rows.length) {
      const index = next++;
      const { rowNumber, cells } = table.rows[index]!;
      rows[index] = await importRow(deps, cellsByField(cells, mapping), rowNumber, actor);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const count = (outcome: ImportedRow['outcome']) => rows.filter((r) => r.outcome === outcome).length;
  return {
    total: rows.length,
    registered: count('registered'),
    updated: count('updated'),
    unchanged: count('unchanged'),
    rejected: count('rejected'),
    unknownColumns: mapping.unknown,
    rows,
  };
}
