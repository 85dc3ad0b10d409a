import { z } from 'zod';
import { text } from '../core/fields.js';
import type { ListDefinition } from '../core/list-definition.js';

/** The codes of `languageCode` in @ketnoi/contracts. */
export const LANGUAGE_CODES = ['vi', 'en', 'ko', 'ja', 'zh', 'de', 'fr', 'ru', 'th', 'lo', 'km'] as const;

export const languageRow = z.object({
  code: z.enum(LANGUAGE_CODES),
  label_en: text,
  label_vi: text,
});

export type Language = z.output<typeof languageRow>;

export const languageList: ListDefinition<Language> = {
  id: 'languages',
  title: 'Languages',
  columns: ['code', 'label_en', 'label_vi'],
  schema: languageRow,
  labels: (row) => [row.label_vi, row.label_en],
};
