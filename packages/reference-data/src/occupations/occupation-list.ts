import { z } from 'zod';
import { optional, pattern, text } from '../core/fields.js';
import type { ListDefinition } from '../core/list-definition.js';
import { rowError, type RowError } from '../core/row-error.js';

export const OCCUPATION_LEVELS = ['major', 'sub-major', 'minor', 'unit'] as const;
export type OccupationLevel = (typeof OCCUPATION_LEVELS)[number];

const iscoCode = pattern(/^\d{1,4}$/, 'ISCO-08 code of 1 to 4 digits');

export const occupationRow = z.object({
  code: iscoCode,
  level: z.enum(OCCUPATION_LEVELS),
  parent: optional(iscoCode),
  label_en: text,
  label_vi: text,
  vsco_code: optional(pattern(/^\d{1,6}$/, 'VSCO code of digits')),
  vsco_label_vi: optional(z.string().trim()),
});

/** An ISCO-08 group (major, sub-major, minor or unit) with its VSCO 2020 label. */
export type Occupation = z.output<typeof occupationRow>;

/** ISCO-08 codes grow one digit per level: the level and the parent follow from the code. */
function checkLevels(rows: readonly Occupation[], rowNumbers: readonly number[]): RowError[] {
  const errors: RowError[] = [];
  rows.forEach((row, i) => {
    const at = rowNumbers[i] ?? 0;
    const expectedLevel = OCCUPATION_LEVELS[row.code.length - 1];
    if (row.level !== expectedLevel) errors.push(rowError(at, 'level', `a ${row.code.length}-digit code is a ${expectedLevel} group`));
    const expectedParent = row.code.length > 1 ? row.code.slice(0, -1) : undefined;
    if (row.parent !== expectedParent) {
      errors.push(rowError(at, 'parent', expectedParent ? `parent of ${row.code} must be ${expectedParent}` : 'a major group has no parent'));
    }
  });
  return errors;
}

export const occupationList: ListDefinition<Occupation> = {
  id: 'occupations',
  title: 'Occupations (ISCO-08 with VSCO 2020 labels)',
  columns: ['code', 'level', 'parent', 'label_en', 'label_vi', 'vsco_code', 'vsco_label_vi'],
  schema: occupationRow,
  labels: (row) => [row.label_vi, row.label_en, row.vsco_label_vi ?? ''],
  references: [{ column: 'parent', list: 'occupations' }],
  hierarchy: 'parent',
  check: checkLevels,
};
