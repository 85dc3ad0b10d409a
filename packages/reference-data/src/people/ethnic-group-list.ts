import { z } from 'zod';
import { pattern, text } from '../core/fields.js';
import type { ListDefinition } from '../core/list-definition.js';

export const ethnicGroupRow = z.object({
  code: pattern(/^\d{2}$/, 'two-digit code 01-54'),
  label_vi: text,
  label_en: text,
});

/** One of Vietnam's 54 ethnic groups with its statistics-office code (01 Kinh ... 54 Rơ-măm). */
export type EthnicGroup = z.output<typeof ethnicGroupRow>;

export const ethnicGroupList: ListDefinition<EthnicGroup> = {
  id: 'ethnic-groups',
  title: 'Ethnic groups',
  columns: ['code', 'label_vi', 'label_en'],
  schema: ethnicGroupRow,
  labels: (row) => [row.label_vi, row.label_en],
};
