import type { z } from 'zod';
import type { vacancySubmission } from '@ketnoi/contracts';

type VacancySubmission = z.input<typeof vacancySubmission>;

export const aVacancySubmission = (overrides: Partial<VacancySubmission> = {}): VacancySubmission => ({
  externalRef: 'ext-1',
  employerTaxCode: '4600123456',
  terms: {
    title: 'Công nhân lắp ráp linh kiện điện tử',
    occupationCode: '8212',
    positions: 120,
    skills: [{ code: 'electronics-assembly', mustHave: false, weight: 0.6 }],
    certificates: [],
    minQualification: 'none',
    languages: [],
    communeCode: '05860',
    industrialParkCode: 'yen-binh',
    wageMinVnd: 7_000_000,
    wageMaxVnd: 9_500_000,
    shifts: ['rotating'],
    minAge: 18,
    minExperienceYears: 0,
    deadline: '2026-12-31',
  },
  ...overrides,
});
