import { z } from 'zod';
import { pattern, text } from '../core/fields.js';
import type { ListDefinition } from '../core/list-definition.js';

export const cccdProvinceRow = z.object({
  code: pattern(/^\d{3}$/, 'three-digit province code'),
  label_vi: text,
  label_en: text,
  province_2025: text,
});

/**
 * The province part (first three digits) of a 12-digit citizen-ID (CCCD)
 * number: one of the 63 provinces before 2025. `province_2025` names the
 * province it belongs to after the 1 July 2025 merger; the ID numbers
 * themselves do not change.
 */
export type CccdProvince = z.output<typeof cccdProvinceRow>;

export const cccdProvinceList: ListDefinition<CccdProvince> = {
  id: 'cccd-provinces',
  title: 'Citizen-ID (CCCD) province codes',
  columns: ['code', 'label_vi', 'label_en', 'province_2025'],
  schema: cccdProvinceRow,
  labels: (row) => [row.label_vi, row.label_en],
};
