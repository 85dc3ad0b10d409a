import { z } from 'zod';
import { optional, pattern, text } from '../core/fields.js';
import type { ListDefinition } from '../core/list-definition.js';
import { rowError, type RowError } from '../core/row-error.js';

export const vsicRow = z.object({
  code: pattern(/^([A-U]|\d{2})$/, 'a section letter A-U or a two-digit division'),
  level: z.enum(['section', 'division']),
  section: optional(pattern(/^[A-U]$/, 'a section letter A-U')),
  label_vi: text,
  label_en: text,
});

/** A VSIC 2018 section (A-U) or division (01-99). */
export type VsicEntry = z.output<typeof vsicRow>;

function checkShape(rows: readonly VsicEntry[], rowNumbers: readonly number[]): RowError[] {
  return rows.flatMap((row, i) => {
    const at = rowNumbers[i] ?? 0;
    const isSection = /^[A-U]$/.test(row.code);
    if (isSection && row.level !== 'section') return [rowError(at, 'level', 'a letter code is a section')];
    if (!isSection && row.level !== 'division') return [rowError(at, 'level', 'a two-digit code is a division')];
    if (isSection && row.section !== undefined) return [rowError(at, 'section', 'a section has no parent section')];
    if (!isSection && row.section === undefined) return [rowError(at, 'section', 'a division names its section')];
    return [];
  });
}

export const vsicList: ListDefinition<VsicEntry> = {
  id: 'vsic',
  title: 'VSIC 2018 sections and divisions',
  columns: ['code', 'level', 'section', 'label_vi', 'label_en'],
  schema: vsicRow,
  labels: (row) => [row.label_vi, row.label_en],
  references: [{ column: 'section', list: 'vsic' }],
  check: checkShape,
};
