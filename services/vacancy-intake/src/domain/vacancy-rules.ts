import { contractViolations } from './contract-rules.js';
import { dateViolations } from './date-rules.js';
import { discriminatoryRequirement, findForbiddenRequirements } from './forbidden-requirements.js';
import type { References } from './references.js';
import type { VacancyTerms } from './vacancy-terms.js';
import { rulesBroken, violation, type Violation } from './violation.js';
import { wageViolations } from './wage-rules.js';

export interface TermsContext {
  /** Today in Vietnam (YYYY-MM-DD). */
  today: string;
  references: References;
  /** The terms before an update: unchanged dates are not judged again. */
  previous?: VacancyTerms;
}

const duplicates = (codes: readonly string[]) => codes.filter((code, i) => codes.indexOf(code) !== i);

function referenceViolations(terms: VacancyTerms, references: References): Violation[] {
  const found: Violation[] = [];
  if (!references.isOccupation(terms.occupationCode)) {
    found.push(violation('occupationCode', 'UNKNOWN_OCCUPATION', `${terms.occupationCode} is not an ISCO-08/VSCO occupation`));
  }
  if (!references.isCommune(terms.communeCode)) {
    found.push(violation('communeCode', 'UNKNOWN_COMMUNE', `${terms.communeCode} is not a commune or ward of the province`));
  }
  if (terms.industrialParkCode !== undefined) {
    const commune = references.parkCommune(terms.industrialParkCode);
    if (commune === undefined) {
      found.push(violation('industrialParkCode', 'UNKNOWN_INDUSTRIAL_PARK', `${terms.industrialParkCode} is not a known industrial park`));
    } else if (commune !== 'unchecked' && commune !== terms.communeCode) {
      found.push(violation('industrialParkCode', 'PARK_NOT_IN_COMMUNE', `${terms.industrialParkCode} lies in commune ${commune}, not ${terms.communeCode}`));
    }
  }
  terms.skills.forEach((skill, i) => {
    if (!references.isSkill(skill.code)) found.push(violation(`skills.${i}.code`, 'UNKNOWN_SKILL', `${skill.code} is not a known skill`));
  });
  terms.certificates.forEach((code, i) => {
    if (!references.isCertificate(code)) found.push(violation(`certificates.${i}`, 'UNKNOWN_CERTIFICATE', `${code} is not a known certificate or licence`));
  });
  return found;
}

function listViolations(terms: VacancyTerms): Violation[] {
  const found: Violation[] = [];
  for (const code of duplicates(terms.skills.map((s) => s.code))) found.push(violation('skills', 'DUPLICATE_SKILL', `${code} is listed twice`));
  for (const code of duplicates(terms.languages.map((l) => l.code))) found.push(violation('languages', 'DUPLICATE_LANGUAGE', `${code} is listed twice`));
  for (const code of duplicates(terms.certificates)) found.push(violation('certificates', 'DUPLICATE_CERTIFICATE', `${code} is listed twice`));
  return found;
}

/** Every business rule the terms break (forbidden requirements are judged apart, by `assertAcceptableTerms`). */
export const vacancyViolations = (terms: VacancyTerms, context: TermsContext): Violation[] => [
  ...wageViolations(terms, context.today),
  ...dateViolations(terms, context.today, context.previous),
  ...contractViolations(terms),
  ...listViolations(terms),
  ...referenceViolations(terms, context.references),
];

/** Throws 422 DISCRIMINATORY_REQUIREMENT or RULES_VIOLATED when the terms cannot be published. */
export function assertAcceptableTerms(terms: VacancyTerms, context: TermsContext): void {
  const findings = findForbiddenRequirements(terms);
  if (findings.length > 0) throw discriminatoryRequirement(findings);
  const violations = vacancyViolations(terms, context);
  if (violations.length > 0) throw rulesBroken('The vacancy breaks the rules', violations);
}
