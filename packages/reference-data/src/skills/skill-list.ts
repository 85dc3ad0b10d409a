import { z } from 'zod';
import { codeList, optional, pattern, text } from '../core/fields.js';
import type { ListDefinition } from '../core/list-definition.js';
import { rowError, type RowError } from '../core/row-error.js';

/** Same shape as `referenceCode` in @ketnoi/contracts, which workers and vacancies carry. */
export const skillCode = pattern(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'lower-case code of a-z, 0-9, ".", "_" or "-"');

const escoSkillUri = pattern(
  /^http:\/\/data\.europa\.eu\/esco\/skill\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
  'an ESCO skill concept URI (http://data.europa.eu/esco/skill/<uuid>)',
);

export const SKILL_KINDS = ['skill', 'certificate'] as const;

export const skillRow = z.object({
  code: skillCode,
  kind: z.enum(SKILL_KINDS),
  label_en: text,
  label_vi: text,
  parents: codeList(skillCode),
  related: codeList(skillCode),
  esco_uri: optional(escoSkillUri),
  isco_hint: optional(pattern(/^\d{4}$/, 'an ISCO-08 unit group of 4 digits')),
});

/** A skill, or a certificate or licence (kind `certificate`), in the taxonomy. */
export type Skill = z.output<typeof skillRow>;

function checkSelfLinks(rows: readonly Skill[], rowNumbers: readonly number[]): RowError[] {
  const errors: RowError[] = [];
  rows.forEach((row, i) => {
    const at = rowNumbers[i] ?? 0;
    if (row.parents.includes(row.code)) errors.push(rowError(at, 'parents', `${row.code} cannot be its own parent`));
    if (row.related.includes(row.code)) errors.push(rowError(at, 'related', `${row.code} cannot be related to itself`));
  });
  return errors;
}

export const skillList: ListDefinition<Skill> = {
  id: 'skills',
  title: 'Skills, certificates and licences',
  columns: ['code', 'kind', 'label_en', 'label_vi', 'parents', 'related', 'esco_uri', 'isco_hint'],
  schema: skillRow,
  labels: (row) => [row.label_vi, row.label_en],
  references: [
    { column: 'parents', list: 'skills' },
    { column: 'related', list: 'skills' },
    { column: 'isco_hint', list: 'occupations' },
  ],
  hierarchy: 'parents',
  check: checkSelfLinks,
};
