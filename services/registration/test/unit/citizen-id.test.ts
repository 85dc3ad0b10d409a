import { describe, expect, it } from 'vitest';
import { checkCitizenId } from '../../src/domain/citizen-id.js';

const provinces = new Set(['001', '006', '019']);
const isProvince = (code: string) => provinces.has(code);

describe('checkCitizenId', () => {
  it.each([
    ['019198123456', { gender: 'female', dateOfBirth: '1998-03-14' }],
    ['001090000001', { gender: 'male', dateOfBirth: '1990-01-01' }],
    ['006205000777', { gender: 'male', dateOfBirth: '2005-12-31' }],
    ['019307123456', { gender: 'female', dateOfBirth: '2007-07-07' }],
  ] as const)('accepts %s for a person it describes', (id, facts) => {
    expect(checkCitizenId(id, facts, isProvince)).toEqual([]);
  });

  it('refuses an unknown province code', () => {
    expect(checkCitizenId('099198123456', { gender: 'female', dateOfBirth: '1998-03-14' }, isProvince)).toEqual([
      { path: 'citizenId', message: 'does not start with a province code' },
    ]);
  });

  it('refuses a gender digit that contradicts the gender', () => {
    const issues = checkCitizenId('019098123456', { gender: 'female', dateOfBirth: '1998-03-14' }, isProvince);
    expect(issues.map((i) => i.message)).toEqual(['gender digit does not match the gender']);
  });

  it('refuses a century digit that contradicts the birth year', () => {
    const issues = checkCitizenId('019398123456', { gender: 'female', dateOfBirth: '1998-03-14' }, isProvince);
    expect(issues.map((i) => i.message)).toContain('century digit does not match the date of birth');
  });

  it('refuses birth-year digits that contradict the birth date', () => {
    const issues = checkCitizenId('019197123456', { gender: 'female', dateOfBirth: '1998-03-14' }, isProvince);
    expect(issues.map((i) => i.message)).toEqual(['birth-year digits do not match the date of birth']);
  });

  it('does not judge the gender digit of a person of another gender', () => {
    expect(checkCitizenId('019098123456', { gender: 'other', dateOfBirth: '1998-03-14' }, isProvince)).toEqual([]);
  });

  it('refuses anything but 12 digits', () => {
    expect(checkCitizenId('01919812345', { gender: 'female', dateOfBirth: '1998-03-14' }, isProvince)).toHaveLength(1);
  });
});
