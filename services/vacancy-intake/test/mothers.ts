import { vacancyTerms } from '@ketnoi/contracts';
import type { EmployerProfile } from '../src/domain/employer.js';
import { taxCodeCheckDigit } from '../src/domain/tax-code.js';
import type { VacancyTerms, VacancyTermsInput } from '../src/domain/vacancy-terms.js';
import { addDays, vietnamDate } from '../src/domain/vietnam-time.js';

export const today = (): string => vietnamDate(new Date());

/** Object mother: a valid vacancy as an employer sends it, overridable field by field. */
export const aVacancyInput = (overrides: Partial<VacancyTermsInput> = {}): VacancyTermsInput => ({
  title: 'Công nhân lắp ráp linh kiện điện tử',
  description: 'Lắp ráp bo mạch trên dây chuyền SMT, làm việc theo ca.',
  occupationCode: '8212',
  positions: 40,
  skills: [{ code: 'smt-operation', mustHave: true, weight: 0.8 }],
  certificates: [],
  minQualification: 'elementary',
  languages: [{ code: 'ko', minLevel: 'TOPIK2', required: false }],
  communeCode: '05860',
  wageMinVnd: 7_500_000,
  wageMaxVnd: 10_000_000,
  wagePeriod: 'month',
  shifts: ['day', 'rotating'],
  contractType: 'fixed-term',
  contractMonths: 12,
  startDate: addDays(today(), 20),
  housingOffered: true,
  shuttleOffered: true,
  welcomedGroups: ['disability'],
  minExperienceYears: 0,
  deadline: addDays(today(), 14),
  ...overrides,
});

/** The same, as the contract outputs it (defaults applied). */
export const aVacancy = (overrides: Partial<VacancyTermsInput> = {}): VacancyTerms => vacancyTerms.parse(aVacancyInput(overrides));

/** A tax code with a correct check digit, made from nine digits. */
export function aTaxCode(firstNine = '460112453'): string {
  for (let n = Number(firstNine); ; n += 1) {
    const nine = String(n).padStart(9, '0');
    const digit = taxCodeCheckDigit(nine);
    if (digit !== null) return `${nine}${digit}`;
  }
}

export const anEmployerProfile = (overrides: Partial<EmployerProfile> = {}): EmployerProfile => ({
  name: 'Công ty TNHH Điện tử Minh Long',
  vsicSector: 'C2610',
  fdi: true,
  investorCountry: 'KR',
  industrialParkCode: 'yen-binh',
  communeCode: '05890',
  street: 'Lô CN-05, KCN Yên Bình',
  contacts: [{ name: 'Nguyễn Thị Lan', role: 'HR', phone: '0912345678', email: 'hr@minhlong.example' }],
  ...overrides,
});
