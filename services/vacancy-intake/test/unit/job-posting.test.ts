import { vacancyTerms } from '@ketnoi/contracts';
import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../src/import/html-text.js';
import { jobPostingsIn, mapJobPosting } from '../../src/import/job-posting.js';

const places = {
  communeByName: (name: string) => (name === 'Phổ Yên' ? '05860' : undefined),
  parkCommune: (code: string) => (code === 'yen-binh' ? '05890' : undefined),
};

const aJobPosting = (overrides: Record<string, unknown> = {}) => ({
  '@context': 'https://schema.org',
  '@type': 'JobPosting',
  identifier: { '@type': 'PropertyValue', name: 'Minh Long', value: 'ML-2026-117' },
  title: 'Công nhân lắp ráp điện tử',
  description: '<p>Lắp ráp bo mạch.</p><ul><li>Làm theo ca</li><li>Có xe đưa đón &amp; ký túc xá</li></ul>',
  occupationalCategory: { '@type': 'CategoryCode', codeValue: '8212', inCodeSet: 'ISCO-08' },
  totalJobOpenings: 25,
  hiringOrganization: { '@type': 'Organization', name: 'Minh Long', taxID: '4601124536' },
  jobLocation: { '@type': 'Place', identifier: 'yen-binh', address: { '@type': 'PostalAddress', addressLocality: 'Vạn Xuân' } },
  baseSalary: { '@type': 'MonetaryAmount', currency: 'VND', value: { '@type': 'QuantitativeValue', minValue: 7_500_000, maxValue: 9_500_000, unitText: 'MONTH' } },
  employmentType: ['FULL_TIME'],
  workHours: 'Làm 3 ca xoay',
  jobBenefits: 'Xe đưa đón, ký túc xá miễn phí',
  validThrough: '2026-12-15T23:59:00+07:00',
  jobStartDate: '2027-01-04',
  educationRequirements: { '@type': 'EducationalOccupationalCredential', credentialCategory: 'professional certificate' },
  experienceRequirements: { '@type': 'OccupationalExperienceRequirements', monthsOfExperience: 6 },
  skills: [{ '@type': 'DefinedTerm', termCode: 'smt-operation', name: 'SMT' }],
  ...overrides,
});

describe('schema.org JobPosting mapping', () => {
  it('maps a full posting to valid vacancy terms', () => {
    const mapped = mapJobPosting(1, aJobPosting(), places);
    expect(mapped.errors).toEqual([]);
    expect(mapped).toMatchObject({ externalRef: 'ML-2026-117', employerTaxCode: '4601124536' });
    expect(mapped.terms).toEqual({
      title: 'Công nhân lắp ráp điện tử',
      description: 'Lắp ráp bo mạch.\n- Làm theo ca\n- Có xe đưa đón & ký túc xá',
      occupationCode: '8212',
      positions: 25,
      skills: [{ code: 'smt-operation', mustHave: true, weight: 1 }],
      certificates: [],
      minQualification: 'elementary',
      languages: [],
      communeCode: '05890',
      industrialParkCode: 'yen-binh',
      wageMinVnd: 7_500_000,
      wageMaxVnd: 9_500_000,
      wagePeriod: 'month',
      shifts: ['rotating'],
      startDate: '2027-01-04',
      deadline: '2026-12-15',
      housingOffered: true,
      shuttleOffered: true,
      minExperienceYears: 0.5,
    });
    expect(vacancyTerms.safeParse(mapped.terms).success).toBe(true);
  });

  it('reads hourly pay, part-time and internships, a commune by name and a deadline in Vietnam time', () => {
    const mapped = mapJobPosting(
      2,
      aJobPosting({
        baseSalary: { '@type': 'MonetaryAmount', currency: 'VND', value: { '@type': 'QuantitativeValue', value: 30_000, unitText: 'HOUR' } },
        employmentType: ['PART_TIME', 'INTERN'],
        workHours: undefined,
        jobLocation: { '@type': 'Place', address: { '@type': 'PostalAddress', addressLocality: 'Phổ Yên' } },
        validThrough: '2026-12-15T20:00:00Z',
      }),
      places,
    );
    expect(mapped.terms).toMatchObject({ wageMinVnd: 30_000, wageMaxVnd: 30_000, wagePeriod: 'hour', shifts: ['part-time'], contractType: 'apprenticeship', communeCode: '05860', deadline: '2026-12-16' });
    expect(mapped.terms).not.toHaveProperty('industrialParkCode');
  });

  it('reports what it cannot map', () => {
    const mapped = mapJobPosting(
      3,
      aJobPosting({
        occupationalCategory: { '@type': 'CategoryCode', codeValue: '51-2022.00', inCodeSet: 'O*NET-SOC' },
        baseSalary: { '@type': 'MonetaryAmount', currency: 'USD', value: { '@type': 'QuantitativeValue', value: 400, unitText: 'WEEK' } },
        jobLocation: { '@type': 'Place', address: { addressLocality: 'Hà Nội' } },
        skills: 'Soldering, teamwork',
        validThrough: undefined,
      }),
      places,
    );
    expect(mapped.errors.map((e) => e.code)).toEqual([
      'CODE_SET_UNSUPPORTED',
      'SKILL_NOT_CODED',
      'WORKPLACE_UNKNOWN',
      'CURRENCY_UNSUPPORTED',
      'WAGE_UNIT_UNSUPPORTED',
      'DEADLINE_MISSING',
    ]);
  });

  it('finds postings in an object, an array or an @graph', () => {
    const one = aJobPosting();
    expect(jobPostingsIn(one)).toHaveLength(1);
    expect(jobPostingsIn([one, { '@type': 'Organization' }, one])).toHaveLength(2);
    expect(jobPostingsIn({ '@context': 'https://schema.org', '@graph': [one, { '@type': ['Thing', 'JobPosting'] }] })).toHaveLength(2);
    expect(jobPostingsIn({ '@type': 'Organization' })).toEqual([]);
  });

  it('turns HTML into plain text', () => {
    expect(htmlToText('<b>Lương</b>&nbsp;8&#8211;10 triệu<br/>Ca&#x20;ngày')).toBe('Lương 8–10 triệu\nCa ngày');
  });
});
