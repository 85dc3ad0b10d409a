import { KetNoiError } from '@ketnoi/errors';
import { sameValue } from './same-value.js';
import type { References } from './references.js';
import { checkTaxCode } from './tax-code.js';
import { rulesBroken, violation, type Violation } from './violation.js';

/** A person to contact at the employer. Personal data: stored, never logged or published. */
export interface Contact {
  name: string;
  role?: string;
  phone?: string;
  email?: string;
}

export interface EmployerProfile {
  name: string;
  vsicSector: string;
  fdi: boolean;
  /** ISO 3166-1 alpha-2 of the foreign investor, for an FDI employer. */
  investorCountry?: string;
  industrialParkCode?: string;
  communeCode: string;
  /** Street address below the commune. */
  street?: string;
  contacts: Contact[];
}

export interface EmployerState extends EmployerProfile {
  taxCode: string;
  status: 'active' | 'suspended';
  registeredAt: string;
}

export type EmployerEventType = 'employer.registered' | 'employer.updated';

export interface EmployerChange {
  state: EmployerState;
  event: EmployerEventType;
}

function profileViolations(profile: EmployerProfile, references: References): Violation[] {
  const found: Violation[] = [];
  if (profile.fdi && profile.investorCountry === undefined) {
    found.push(violation('investorCountry', 'INVESTOR_COUNTRY_MISSING', 'an FDI employer names its investor country'));
  }
  if (!profile.fdi && profile.investorCountry !== undefined) {
    found.push(violation('investorCountry', 'INVESTOR_COUNTRY_UNEXPECTED', 'only an FDI employer has an investor country'));
  }
  if (profile.investorCountry === 'VN') {
    found.push(violation('investorCountry', 'INVESTOR_COUNTRY_DOMESTIC', 'a foreign investor is not from VN'));
  }
  if (!references.isVsic(profile.vsicSector)) found.push(violation('vsicSector', 'UNKNOWN_VSIC', `${profile.vsicSector} is not a VSIC 2018 code`));
  if (!references.isCommune(profile.communeCode)) {
    found.push(violation('communeCode', 'UNKNOWN_COMMUNE', `${profile.communeCode} is not a commune or ward of the province`));
  }
  if (profile.industrialParkCode !== undefined) {
    const commune = references.parkCommune(profile.industrialParkCode);
    if (commune === undefined) found.push(violation('industrialParkCode', 'UNKNOWN_INDUSTRIAL_PARK', `${profile.industrialParkCode} is not a known industrial park`));
    else if (commune !== 'unchecked' && commune !== profile.communeCode) {
      found.push(violation('industrialParkCode', 'PARK_NOT_IN_COMMUNE', `${profile.industrialParkCode} lies in commune ${commune}, not ${profile.communeCode}`));
    }
  }
  return found;
}

/** Registers an employer after checking its tax code (with check digit) and profile. */
export function registerEmployer(taxCode: string, profile: EmployerProfile, references: References, now: Date): EmployerChange {
  const tax = checkTaxCode(taxCode);
  const found = [...(tax.ok ? [] : [violation('taxCode', 'TAX_CODE_INVALID', tax.reason)]), ...profileViolations(profile, references)];
  if (found.length > 0) throw rulesBroken('The employer cannot be registered', found);
  return { event: 'employer.registered', state: { ...profile, taxCode, status: 'active', registeredAt: now.toISOString() } };
}

/** Changes an employer's profile or status; null when nothing changes. */
export function reviseEmployer(
  state: EmployerState,
  next: EmployerProfile & { status: EmployerState['status'] },
  references: References,
): EmployerChange | null {
  const revised: EmployerState = { ...next, taxCode: state.taxCode, registeredAt: state.registeredAt };
  if (sameValue(state, revised)) return null;
  const found = profileViolations(revised, references);
  if (found.length > 0) throw rulesBroken('The employer cannot be changed so', found);
  return { state: revised, event: 'employer.updated' };
}

/** An employer that may post vacancies. */
export function assertActive(state: EmployerState): void {
  if (state.status !== 'active') {
    throw new KetNoiError('EMPLOYER_SUSPENDED', 'The employer is suspended and cannot post or change vacancies', { status: 409 });
  }
}
