import { z } from 'zod';
import { text } from '../core/fields.js';
import type { ListDefinition } from '../core/list-definition.js';

/** The keys of `priorityGroups` in @ketnoi/contracts. */
export const PRIORITY_GROUP_CODES = [
  'poorHousehold',
  'nearPoorHousehold',
  'recentlyOutOfPoverty',
  'ethnicMinority',
  'disability',
  'backFromAbroad',
  'demobilised',
  'youth',
] as const;

export const priorityGroupRow = z.object({
  code: z.enum(PRIORITY_GROUP_CODES),
  label_en: text,
  label_vi: text,
  legal_basis: text,
});

/** A priority group of the province's labour-market plan, with its legal basis. */
export type PriorityGroup = z.output<typeof priorityGroupRow>;

export const priorityGroupList: ListDefinition<PriorityGroup> = {
  id: 'priority-groups',
  title: 'Priority groups',
  columns: ['code', 'label_en', 'label_vi', 'legal_basis'],
  schema: priorityGroupRow,
  labels: (row) => [row.label_vi, row.label_en],
};
