import { isKetNoiError, validationError } from '@ketnoi/errors';
import { cellsByField, mapColumns, type ColumnMapping, type Table } from '@ketnoi/tabular';
import type { WorkerProfile } from '../domain/types.js';
import { rowToProfile, type RowIssue } from '../import/row-to-profile.js';
import { workerColumns, type WorkerColumn } from '../import/worker-columns.js';
import type { Actor, RegistrationDeps } from './deps.js';
import { registerMany, type ManyInput } from './register-many.js';
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

async function oneByOne(deps: RegistrationDeps, row: number, profile: WorkerProfile, actor: Actor, externalRef?: string): Promise<ImportedRow> {
  try {
    const { outcome, worker } = await registerWorker(deps, profile, actor, { ifKnown: 'update', ...(externalRef ? { externalRef } : {}) });
    return { row, outcome, workerId: worker.id };
  } catch (error) {
    if (!isKetNoiError(error) || error.status >= 500) throw error;
    const issues = (error.details?.issues as { path: string; message: string }[] | undefined)?.map((i) => ({ field: i.path, message: i.message }));
    return { row, outcome: 'rejected', errors: issues ?? [{ field: '(row)', message: error.message }] };
  }
}

/** One chunk: new people in bulk, known people one by one. */
async function importChunk(deps: RegistrationDeps, chunk: Table['rows'], mapping: ColumnMapping<WorkerColumn>, actor: Actor): Promise<ImportedRow[]> {
  const out = new Map<number, ImportedRow>();
  const inputs: ManyInput[] = [];
  for (const { rowNumber, cells } of chunk) {
    const fields = cellsByField(cells, mapping);
    const mapped = rowToProfile(fields, deps.refs);
    if (!mapped.ok) out.set(rowNumber, { row: rowNumber, outcome: 'rejected', errors: mapped.issues });
    else inputs.push({ key: rowNumber, profile: mapped.profile, ...(fields.externalRef ? { externalRef: `import:${fields.externalRef}` } : {}) });
  }
  for (const result of await registerMany(deps, inputs, actor)) {
    if (result.outcome === 'registered') out.set(result.key, { row: result.key, outcome: 'registered', workerId: result.workerId });
    else if (result.outcome === 'rejected') out.set(result.key, { row: result.key, outcome: 'rejected', errors: result.issues.map((i) => ({ field: i.path, message: i.message })) });
    else out.set(result.key, await oneByOne(deps, result.key, result.profile, actor, result.externalRef));
  }
  return chunk.map(({ rowNumber }) => out.get(rowNumber)!);
}

/**
 * Registers or updates every good row of a centre's spreadsheet and reports
 * each rejected row with its reasons; good rows are kept whatever the others.
 * New people go in bulk, a chunk at a time.
 */
export async function importWorkers(deps: RegistrationDeps, table: Table, actor: Actor, chunkSize = 500): Promise<ImportReport> {
  const mapping = mapColumns(table, workerColumns);
  const missing = REQUIRED.filter((column) => mapping.columns[column] === undefined);
  if (missing.length > 0) {
    throw validationError(`The file lacks the columns: ${missing.join(', ')}`, { details: { missing, expected: workerColumns } });
  }
  const rows: ImportedRow[] = [];
  for (let start = 0; start < table.rows.length; start += chunkSize) {
    rows.push(...(await importChunk(deps, table.rows.slice(start, start + chunkSize), mapping, actor)));
  }
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
