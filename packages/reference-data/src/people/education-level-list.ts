import { z } from 'zod';
import { integer, text } from '../core/fields.js';
import type { ListDefinition } from '../core/list-definition.js';

export const educationLevelRow = z.object({
  code: z.enum(['none', 'primary', 'lower-secondary', 'upper-secondary']),
  rank: integer,
  grades: text,
  label_en: text,
  label_vi: text,
});

/** A level of general education completed. */
export type EducationLevel = z.output<typeof educationLevelRow>;

export const educationLevelList: ListDefinition<EducationLevel> = {
  id: 'education-levels',
  title: 'General-education levels',
  columns: ['code', 'rank', 'grades', 'label_en', 'label_vi'],
  schema: educationLevelRow,
  labels: (row) => [row.label_vi, row.label_en],
};
