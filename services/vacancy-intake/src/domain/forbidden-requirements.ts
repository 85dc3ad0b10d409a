import { KetNoiError } from '@ketnoi/errors';
import { findForbiddenPhrases } from './forbidden-phrases.js';

/** Grounds of discrimination the Labour Code 2019 (art. 3(8)) names. */
export type Ground =
  | 'gender'
  | 'ethnicity'
  | 'age'
  | 'marital-status'
  | 'pregnancy'
  | 'religion'
  | 'disability'
  | 'hiv-status'
  | 'trade-union'
  | 'national-or-social-origin'
  | 'political-opinion';

export interface Finding {
  ground: Ground;
  field: string;
  evidence: string;
}

export const LEGAL_BASIS = 'Bộ luật Lao động 2019, Điều 3 khoản 8 và Điều 8 khoản 1; Luật Việc làm, Điều 9';

// Field names a requester might use to state a forbidden condition (compared lower-case, letters only).
const FORBIDDEN_FIELDS: Record<string, Ground> = {
  gender: 'gender',
  genders: 'gender',
  sex: 'gender',
  requiredgender: 'gender',
  preferredgender: 'gender',
  gioitinh: 'gender',
  ethnicity: 'ethnicity',
  ethnicgroup: 'ethnicity',
  ethnicgroups: 'ethnicity',
  race: 'ethnicity',
  skincolor: 'ethnicity',
  skincolour: 'ethnicity',
  dantoc: 'ethnicity',
  religion: 'religion',
  belief: 'religion',
  maritalstatus: 'marital-status',
  married: 'marital-status',
  single: 'marital-status',
  pregnancy: 'pregnancy',
  pregnant: 'pregnancy',
  hiv: 'hiv-status',
  hivstatus: 'hiv-status',
  unionmember: 'trade-union',
  unionmembership: 'trade-union',
  nationality: 'national-or-social-origin',
  nationalorigin: 'national-or-social-origin',
  socialorigin: 'national-or-social-origin',
  politicalopinion: 'political-opinion',
  politicalview: 'political-opinion',
};

const normaliseKey = (key: string) =>
  key
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');

/** Fields named after a forbidden ground, at the top level or one object down (e.g. `terms.gender`). */
export function findForbiddenFields(body: unknown, prefix = '', depth = 0): Finding[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return [];
  return Object.entries(body).flatMap(([key, value]) => {
    const field = prefix === '' ? key : `${prefix}.${key}`;
    const ground = FORBIDDEN_FIELDS[normaliseKey(key)];
    if (ground) return [{ ground, field, evidence: key }];
    return depth < 1 ? findForbiddenFields(value, field, depth + 1) : [];
  });
}

// Working age: 15 (Labour Code art. 143); 18 for night, heavy or hazardous work.
const LEGAL_AGE_FLOOR = 18;

/** An age ceiling, or a floor above the legal working age, is age discrimination. */
export function findAgeConditions(terms: { minAge?: number | undefined; maxAge?: number | undefined }): Finding[] {
  const found: Finding[] = [];
  if (terms.maxAge !== undefined) found.push({ ground: 'age', field: 'maxAge', evidence: `maxAge ${terms.maxAge}` });
  if (terms.minAge !== undefined && terms.minAge > LEGAL_AGE_FLOOR) {
    found.push({ ground: 'age', field: 'minAge', evidence: `minAge ${terms.minAge}` });
  }
  return found;
}

interface TextualTerms {
  title?: string | undefined;
  description?: string | undefined;
  minAge?: number | undefined;
  maxAge?: number | undefined;
}

/** Every discriminatory condition in a vacancy's terms: age limits and phrases in its title and description. */
export function findForbiddenRequirements(terms: TextualTerms): Finding[] {
  return [
    ...findAgeConditions(terms),
    ...findForbiddenPhrases(terms.title ?? '', 'title'),
    ...findForbiddenPhrases(terms.description ?? '', 'description'),
  ];
}

/** 422 naming each discriminatory condition and the law that forbids it. */
export function discriminatoryRequirement(findings: readonly Finding[]): KetNoiError {
  const grounds = [...new Set(findings.map((f) => f.ground))].join(', ');
  return new KetNoiError(
    'DISCRIMINATORY_REQUIREMENT',
    `The vacancy sets a condition on ${grounds}, which the Labour Code forbids (${LEGAL_BASIS}). ` +
      'Remove it; to say which groups are particularly welcome, use welcomedGroups.',
    { status: 422, details: { findings, legalBasis: LEGAL_BASIS } },
  );
}
