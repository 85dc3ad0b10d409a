import { z } from 'zod';
import { pattern, text } from '../core/fields.js';
import type { ListDefinition } from '../core/list-definition.js';

export const FORMER_PROVINCES = ['Thái Nguyên', 'Bắc Kạn'] as const;

export const formerDistrictRow = z.object({
  code: pattern(/^\d{3}$/, 'district code of 3 digits'),
  name: text,
  kind: z.enum(['city', 'district']),
  former_province: z.enum(FORMER_PROVINCES),
});

/** A district-level unit abolished on 1 July 2025, with its statistics-office code. */
export type FormerDistrict = z.output<typeof formerDistrictRow>;

export const formerDistrictList: ListDefinition<FormerDistrict> = {
  id: 'former-districts',
  title: 'Former districts (before the 2025 reform)',
  columns: ['code', 'name', 'kind', 'former_province'],
  schema: formerDistrictRow,
  labels: (row) => [row.name, `${row.kind === 'city' ? 'Thành phố' : 'Huyện'} ${row.name}`],
};
