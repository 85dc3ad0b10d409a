import type { VacancySnapshot } from '@ketnoi/contracts';
import { languageKey, type MatchVacancy } from './model.js';
import { priorityMask } from './priority-groups.js';
import type { ReferenceTables } from './reference-tables.js';
import type { ScoringConfig } from './scoring-config.js';

const closedToMinors = (occupation: string, shifts: readonly string[], config: ScoringConfig): boolean =>
  config.closedToMinors.iscoPrefixes.some((prefix) => occupation.startsWith(prefix)) ||
  (config.closedToMinors.nightShift && shifts.includes('night'));

/** Each skill's share of the skills factor (adding up to 1); all weights 0 means equal shares. */
function skillShares(weights: number[]): Float64Array {
  const total = weights.reduce((sum, w) => sum + w, 0);
  return Float64Array.from(weights, (w) => (total === 0 ? 1 / weights.length : w / total));
}

/** The scorer's form of a vacancy snapshot. Open means open with positions left. */
export function compileVacancy(snapshot: VacancySnapshot, tables: ReferenceTables, config: ScoringConfig): MatchVacancy {
  const t = snapshot.terms;
  const perMonth = t.wagePeriod === 'hour' ? config.hoursPerMonth : 1;
  const language = (l: (typeof t.languages)[number]) => languageKey(tables.languages.intern(l.code), tables.levels.intern(l.minLevel ?? ''));
  return {
    id: snapshot.vacancyId,
    employerId: snapshot.employerId,
    open: snapshot.status === 'open' && snapshot.positionsFilled < t.positions,
    occupation: tables.occupations.intern(t.occupationCode),
    place: tables.places.intern(t.industrialParkCode ?? t.communeCode),
    skills: Int32Array.from(t.skills.map((s) => tables.skills.intern(s.code))),
    skillWeights: skillShares(t.skills.map((s) => s.weight)),
    mustHave: Int32Array.from(t.skills.filter((s) => s.mustHave).map((s) => tables.skills.intern(s.code))),
    certificates: Int32Array.from(t.certificates.map((code) => tables.skills.intern(code))),
    minQualification: tables.qualifications.intern(t.minQualification),
    requiredLanguages: Int32Array.from(t.languages.filter((l) => l.required).map(language)),
    preferredLanguages: Int32Array.from(t.languages.filter((l) => !l.required).map(language)),
    wageMinK: Math.round((t.wageMinVnd * perMonth) / 1000),
    wageMaxK: Math.round((t.wageMaxVnd * perMonth) / 1000),
    minAge: t.minAge ?? 0,
    maxAge: t.maxAge ?? 0,
    closedToMinors: closedToMinors(t.occupationCode, t.shifts, config),
    welcomed: priorityMask(Object.fromEntries(t.welcomedGroups.map((g) => [g, true]))),
    minExperienceTenths: Math.round(t.minExperienceYears * 10),
    housing: t.housingOffered,
  };
}
