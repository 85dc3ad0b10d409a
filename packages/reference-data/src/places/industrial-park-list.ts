import { z } from 'zod';
import { decimal, pattern, text } from '../core/fields.js';
import type { ListDefinition } from '../core/list-definition.js';
import { checkCoordinates } from './check-coordinates.js';

export const industrialParkRow = z.object({
  code: pattern(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'kebab-case code'),
  name: text,
  kind: z.enum(['industrial-park', 'industrial-cluster']),
  commune_code: pattern(/^\d{5}$/, 'commune/ward code of 5 digits'),
  lat: decimal,
  lon: decimal,
});

/** An industrial park (khu công nghiệp) or cluster (cụm công nghiệp) and where it is. */
export type IndustrialPark = z.output<typeof industrialParkRow>;

export const industrialParkList: ListDefinition<IndustrialPark> = {
  id: 'industrial-parks',
  title: 'Industrial parks and clusters',
  columns: ['code', 'name', 'kind', 'commune_code', 'lat', 'lon'],
  schema: industrialParkRow,
  labels: (row) => [row.name, `${row.kind === 'industrial-park' ? 'Khu công nghiệp' : 'Cụm công nghiệp'} ${row.name}`],
  references: [{ column: 'commune_code', list: 'communes' }],
  check: checkCoordinates,
};
