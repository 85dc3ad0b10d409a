import { z } from 'zod';
import { codeList, decimal, pattern, text } from '../core/fields.js';
import type { ListDefinition } from '../core/list-definition.js';
import { checkCoordinates } from './check-coordinates.js';

export const communeRow = z.object({
  code: pattern(/^\d{5}$/, 'commune/ward code of 5 digits'),
  name: text,
  type: z.enum(['ward', 'commune']),
  former_district_codes: codeList(pattern(/^\d{3}$/, 'district code of 3 digits')).refine(
    (codes) => codes.length > 0,
    'at least one former district',
  ),
  lat: decimal,
  lon: decimal,
});

/** A ward (phường) or commune (xã) of the two-level system, with an approximate centroid. */
export type Commune = z.output<typeof communeRow>;

/** "Phường Bắc Kạn", "Xã Tân Cương": the name as written in documents. */
export const communeFullName = (row: Pick<Commune, 'name' | 'type'>): string =>
  `${row.type === 'ward' ? 'Phường' : 'Xã'} ${row.name}`;

export const communeList: ListDefinition<Commune> = {
  id: 'communes',
  title: 'Communes and wards (2025 two-level system)',
  columns: ['code', 'name', 'type', 'former_district_codes', 'lat', 'lon'],
  schema: communeRow,
  labels: (row) => [row.name, communeFullName(row)],
  references: [{ column: 'former_district_codes', list: 'former-districts' }],
  check: checkCoordinates,
};
