import { ageInYears } from './age.js';
import { speaks } from './factors.js';
import { WORKER_FLAGS, type MatchVacancy, type MatchWorker } from './model.js';
import type { ReferenceTables } from './reference-tables.js';
import type { ScoringConfig } from './scoring-config.js';

/** Why a pair is not a match; index + 1 is the code `evaluate` returns negated. */
export const NON_MATCH_REASONS = [
  'vacancy-not-open',
  'worker-not-looking',
  'no-consent',
  'worker-placed',
  'under-minimum-working-age',
  'work-closed-to-minors',
  'age-out-of-range',
  'missing-must-have-skill',
  'missing-certificate',
  'missing-required-language',
  'below-minimum-score',
] as const;
export type NonMatchReason = (typeof NON_MATCH_REASONS)[number];
export const BELOW_MIN_SCORE = NON_MATCH_REASONS.indexOf('below-minimum-score') + 1;

const hasAll = (tables: ReferenceTables, lists: Uint16Array, from: number, to: number, need: Int32Array): boolean => {
  outer: for (let j = 0; j < need.length; j += 1) {
    for (let i = from; i < to; i += 1) if (tables.covers(lists[i]!, need[j]!)) continue outer;
    return false;
  }
  return true;
};

function ageFilter(w: MatchWorker, v: MatchVacancy, config: ScoringConfig, asOfMonth: number): number {
  const age = ageInYears(w.birthMonth, asOfMonth);
  if (age < config.minWorkingAge) return 5;
  if (age < config.adultAge && v.closedToMinors) return 6;
  if ((v.minAge > 0 && age < v.minAge) || (v.maxAge > 0 && age > v.maxAge)) return 7;
  return 0;
}

/** The first hard filter the pair fails (1-based code into NON_MATCH_REASONS), or 0. Cheapest first. */
export function failedFilter(tables: ReferenceTables, config: ScoringConfig, asOfMonth: number, w: MatchWorker, v: MatchVacancy): number {
  if (!v.open) return 1;
  if ((w.flags & WORKER_FLAGS.placed) !== 0) return 4;
  if ((w.flags & WORKER_FLAGS.looking) === 0) return 2;
  if ((w.flags & WORKER_FLAGS.consent) === 0) return 3;
  const age = ageFilter(w, v, config, asOfMonth);
  if (age !== 0) return age;
  // List bounds computed inline: this runs once per scored pair, so no [from, to] tuples.
  const skills = w.at + w.nOccupations;
  const certificates = skills + w.nSkills;
  const languages = certificates + w.nCertificates;
  if (v.mustHave.length > 0 && !hasAll(tables, w.lists, skills, certificates, v.mustHave)) return 8;
  if (v.certificates.length > 0 && !hasAll(tables, w.lists, certificates, languages, v.certificates)) return 9;
  for (let j = 0; j < v.requiredLanguages.length; j += 1) if (!speaks(tables, w.lists, languages, languages + w.nLanguages, v.requiredLanguages[j]!)) return 10;
  return 0;
}
