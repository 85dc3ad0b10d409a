import { CellReader, type Cell } from './cell-values.js';
import type { MappedRow } from './row-error.js';

/** The columns a CSV or XLSX import may have (snake_case of the vacancy fields). */
export const IMPORT_COLUMNS = [
  'external_ref',
  'employer_id',
  'title',
  'description',
  'occupation_code',
  'positions',
  'skills',
  'certificates',
  'min_qualification',
  'languages',
  'commune_code',
  'industrial_park_code',
  'wage_min_vnd',
  'wage_max_vnd',
  'wage_period',
  'shifts',
  'contract_type',
  'contract_months',
  'start_date',
  'deadline',
  'housing',
  'shuttle',
  'welcomed_groups',
  'min_experience_years',
] as const;

/** "smt-operation:must:0.8" (must/nice, weight 0–1; defaults must and 1, nice and 0.5). */
function skillOf(item: string) {
  const [code, need = 'must', weight] = item.split(':').map((part) => part.trim());
  const mustHave = !/^(nice|optional|no|false)$/i.test(need);
  return { code, mustHave, weight: weight === undefined ? (mustHave ? 1 : 0.5) : Number(weight) };
}

/** "ko:TOPIK2" (required) or "en:B1:optional". */
function languageOf(item: string) {
  const [code, level, need] = item.split(':').map((part) => part.trim());
  const optional = /^(optional|nice|no)$/i.test(level ?? '') || /^(optional|nice|no)$/i.test(need ?? '');
  const minLevel = level !== undefined && !/^(optional|nice|no|required|yes)$/i.test(level) ? level : undefined;
  return { code, ...(minLevel ? { minLevel } : {}), required: !optional };
}

const defined = (entries: Record<string, unknown>) => Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined));

/** One CSV/XLSX record as vacancy terms, ready for the contract's schema. */
export function mapTabularRow(row: number, record: Record<string, Cell>): MappedRow {
  const cells = new CellReader(record);
  const terms = defined({
    title: cells.string('title'),
    description: cells.string('description'),
    occupationCode: cells.string('occupation_code'),
    positions: cells.integer('positions') ?? 1,
    skills: cells.list('skills').map(skillOf),
    certificates: cells.list('certificates'),
    minQualification: cells.string('min_qualification') ?? 'none',
    languages: cells.list('languages').map(languageOf),
    communeCode: cells.string('commune_code'),
    industrialParkCode: cells.string('industrial_park_code'),
    wageMinVnd: cells.integer('wage_min_vnd'),
    wageMaxVnd: cells.integer('wage_max_vnd'),
    wagePeriod: cells.string('wage_period'),
    shifts: cells.list('shifts'),
    contractType: cells.string('contract_type'),
    contractMonths: cells.integer('contract_months'),
    startDate: cells.date('start_date'),
    deadline: cells.date('deadline'),
    housingOffered: cells.boolean('housing'),
    shuttleOffered: cells.boolean('shuttle'),
    welcomedGroups: cells.list('welcomed_groups'),
    minExperienceYears: cells.decimal('min_experience_years') ?? 0,
  });
  const externalRef = cells.string('external_ref');
  const employerId = cells.string('employer_id');
  return {
    row,
    terms,
    ...(externalRef === undefined ? {} : { externalRef }),
    ...(employerId === undefined ? {} : { employerId }),
    errors: cells.errors,
  };
}

/** Columns that are not import columns: refused for the whole file (no mass assignment of status and the like). */
export const unknownColumns = (header: readonly string[]): string[] =>
  header.filter((column) => !(IMPORT_COLUMNS as readonly string[]).includes(column));
