import { vacancyTerms } from '@ketnoi/contracts';
import { isKetNoiError, type KetNoiError } from '@ketnoi/errors';
import type { Principal } from '@ketnoi/service-kit';
import type { Finding } from '../domain/forbidden-requirements.js';
import type { Violation } from '../domain/violation.js';
import { rowError, type MappedRow, type RowError } from '../import/row-error.js';
import { isStaff } from './access.js';
import type { UseCaseContext } from './context.js';
import { submitVacancy, type SubmissionOutcome } from './submit-vacancy.js';

export interface RowReport {
  row: number;
  status: SubmissionOutcome | 'rejected';
  vacancyId?: string;
  externalRef?: string;
  errors?: RowError[];
}

export interface ImportReport {
  summary: Record<RowReport['status'] | 'rows', number>;
  rows: RowReport[];
}

const PARALLEL_GROUPS = 4;

/** A refusal by the rules, as row errors; anything else (a database down) fails the whole import. */
function refusal(error: unknown): RowError[] {
  if (!isKetNoiError(error) || error.status >= 500) throw error;
  const details = (error as KetNoiError).details ?? {};
  const violations = (details.violations as Violation[] | undefined)?.map((v) => rowError(v.field, v.code, v.message));
  const findings = (details.findings as Finding[] | undefined)?.map((f) => rowError(f.field, 'DISCRIMINATORY_REQUIREMENT', `a condition on ${f.ground} ("${f.evidence}") is forbidden`));
  return violations ?? findings ?? [rowError('', error.code, error.message)];
}

async function employerOf(ctx: UseCaseContext, row: MappedRow, principal: Principal, named: string | undefined): Promise<string | RowError> {
  const byTax = row.employerTaxCode === undefined ? undefined : await ctx.stores.taxCodes.ownerOf(row.employerTaxCode);
  if (row.employerTaxCode !== undefined && byTax === undefined) return rowError('employer', 'EMPLOYER_UNKNOWN', `no employer has tax code ${row.employerTaxCode}`);
  const employerId = row.employerId ?? byTax ?? named ?? principal.employerId;
  if (employerId === undefined) return rowError('employer_id', 'EMPLOYER_MISSING', 'staff name the employer (employerId query or employer_id column)');
  if (!isStaff(principal) && employerId !== principal.employerId) return rowError('employer', 'EMPLOYER_NOT_YOURS', 'an employer imports only its own vacancies');
  return employerId;
}

async function importRow(ctx: UseCaseContext, row: MappedRow, principal: Principal, named: string | undefined): Promise<RowReport> {
  const base = { row: row.row, ...(row.externalRef === undefined ? {} : { externalRef: row.externalRef }) };
  const parsed = vacancyTerms.safeParse(row.terms);
  const errors = [...row.errors, ...(parsed.success ? [] : parsed.error.issues.map((i) => rowError(i.path.join('.'), 'INVALID', i.message)))];
  const employerId = await employerOf(ctx, row, principal, named);
  if (typeof employerId !== 'string') errors.push(employerId);
  if (errors.length > 0 || !parsed.success || typeof employerId !== 'string') return { ...base, status: 'rejected', errors };
  try {
    const result = await submitVacancy(ctx, {
      employerId,
      terms: parsed.data,
      source: `import:${employerId}`,
      ...(row.externalRef === undefined ? {} : { externalRef: row.externalRef }),
    });
    return { ...base, status: result.outcome, vacancyId: result.vacancyId };
  } catch (error) {
    return { ...base, status: 'rejected', errors: refusal(error) };
  }
}

/**
 * Imports rows one by one with the rules of a single POST; a bad row is
 * reported, the good ones are kept. Rows that could be duplicates (same
 * occupation and commune) run in file order, so duplicates within a file merge.
 */
export async function importVacancies(ctx: UseCaseContext, rows: readonly MappedRow[], principal: Principal, named?: string): Promise<ImportReport> {
  const groups = new Map<string, MappedRow[]>();
  for (const row of rows) {
    const key = `${String(row.terms.occupationCode)}|${String(row.terms.communeCode)}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const reports: RowReport[] = [];
  const queue = [...groups.values()];
  const worker = async () => {
    for (let group = queue.shift(); group; group = queue.shift()) {
      for (const row of group) reports.push(await importRow(ctx, row, principal, named));
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_GROUPS }, worker));
  reports.sort((a, b) => a.row - b.row);
  const summary = { rows: reports.length, created: 0, updated: 0, merged: 0, unchanged: 0, rejected: 0 };
  for (const report of reports) summary[report.status] += 1;
  return { summary, rows: reports };
}
