import { z } from 'zod';
import { codeList, integer, optional, pattern, text } from '../core/fields.js';
import type { ListDefinition } from '../core/list-definition.js';

export const LEVEL_SCHEMES = ['cefr', 'topik', 'eps-topik', 'jlpt', 'jft', 'hsk', 'ielts', 'toeic', 'general'] as const;
export type LevelScheme = (typeof LEVEL_SCHEMES)[number];

export const CEFR_LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;

export const languageLevelRow = z.object({
  code: pattern(/^[A-Za-z0-9.-]{2,16}$/, 'a level code such as B2, TOPIK3, N2, HSK4, IELTS6.5'),
  scheme: z.enum(LEVEL_SCHEMES),
  rank: integer,
  cefr: optional(pattern(/^(A1|A2|B1|B2|C1|C2)$/, 'a CEFR level A1-C2')),
  languages: codeList(z.string().trim()),
  label_en: text,
  label_vi: text,
});

/**
 * A certified or self-declared level of a language. `rank` orders levels
 * within their scheme; `cefr` is the approximate CEFR equivalent used to
 * compare levels of different schemes.
 */
export type LanguageLevel = z.output<typeof languageLevelRow>;

export const languageLevelList: ListDefinition<LanguageLevel> = {
  id: 'language-levels',
  title: 'Language certificate levels',
  columns: ['code', 'scheme', 'rank', 'cefr', 'languages', 'label_en', 'label_vi'],
  schema: languageLevelRow,
  labels: (row) => [row.label_vi, row.label_en],
  references: [{ column: 'languages', list: 'languages' }],
};
