import { z } from 'zod';
import { integer, pattern, text } from '../core/fields.js';
import type { ListDefinition } from '../core/list-definition.js';

/** The codes workers and vacancies carry (`qualification` in @ketnoi/contracts). */
export const QUALIFICATION_CODES = ['none', 'elementary', 'intermediate', 'college', 'university', 'postgraduate'] as const;

export const qualificationLevelRow = z.object({
  code: z.enum(QUALIFICATION_CODES),
  rank: integer,
  vqf_levels: pattern(/^(|\d(-\d)?)$/, 'a Vietnamese Qualifications Framework level or range, e.g. 1-3'),
  label_en: text,
  label_vi: text,
});

/** A level of technical and professional qualification, ranked from none (0) up. */
export type QualificationLevel = z.output<typeof qualificationLevelRow>;

export const qualificationLevelList: ListDefinition<QualificationLevel> = {
  id: 'qualification-levels',
  title: 'Qualification levels (Vietnamese Qualifications Framework)',
  columns: ['code', 'rank', 'vqf_levels', 'label_en', 'label_vi'],
  schema: qualificationLevelRow,
  labels: (row) => [row.label_vi, row.label_en],
};
