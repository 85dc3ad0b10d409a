import { describe, expect, it } from 'vitest';
import { checkProfile } from '../../src/domain/validate-profile.js';
import { priorityGroupsOf } from '../../src/domain/priority-groups.js';
import type { ReferenceLookup } from '../../src/domain/reference-lookup.js';
import { aProfile, citizenIdFor } from '../mothers.js';

const refs: ReferenceLookup = {
  isCccdProvince: (code) => ['019', '006', '001'].includes(code),
  isEthnicGroup: (code) => /^(0[1-9]|[1-4]\d|5[0-4])$/.test(code),
  communeDistrict: (code) => (code === '01840' ? '058' : code === '05500' ? null : undefined),
  isOccupation: (code) => ['8', '82', '821', '8212', '7212'].includes(code),
  isSkill: (code) => ['electronics-assembly', 'smt-operation'].includes(code),
  isCertificate: (code) => code === 'cert-forklift',
  ethnicGroupNamed: (name) => ({ kinh: '01', tay: '02' })[name.toLowerCase()],
  communeNamed: (name) => (name === 'Đức Xuân' ? '01840' : undefined),
};
const TODAY = '2026-11-26';

const issuesOf = (result: ReturnType<typeof checkProfile>) => (result.ok ? [] : result.issues.map((i) => i.path));

describe('checkProfile', () => {
  it('normalises a valid profile and fills the former district', () => {
    const result = checkProfile(aProfile({ fullName: 'Hoa\u0300ng  Thi\u0323 Thu Ha\u0300' }), refs, TODAY);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.profile).toMatchObject({
      fullName: 'Hoàng Thị Thu Hà',
      phone: '+84912345678',
      email: 'thuha.hoang@example.vn',
      address: { communeCode: '01840', formerDistrictCode: '058' },
    });
    expect(result.value.minor).toBe(false);
  });

  it('flags a minor of 15-17 and refuses a child under 15', () => {
    const minor = aProfile({ dateOfBirth: '2010-01-10', citizenId: citizenIdFor('2010-01-10', 'female') });
    const child = aProfile({ dateOfBirth: '2012-01-10', citizenId: citizenIdFor('2012-01-10', 'female') });
    const checked = checkProfile(minor, refs, TODAY);
    expect(checked.ok && checked.value.minor).toBe(true);
    expect(issuesOf(checkProfile(child, refs, TODAY))).toEqual(['dateOfBirth']);
  });

  it('names each wrong reference code', () => {
    const result = checkProfile(
      aProfile({
        ethnicity: '55',
        address: { communeCode: '99999' },
        desiredOccupations: ['8213'],
        skills: [{ code: 'underwater-basket-weaving', level: 2 }],
        certificates: [{ code: 'smt-operation' }],
      }),
      refs,
      TODAY,
    );
    expect(issuesOf(result)).toEqual(['ethnicity', 'address.communeCode', 'desiredOccupations.0', 'skills.0.code', 'certificates.0.code']);
  });

  it('refuses a citizen-ID of someone else and a phone that is not a mobile', () => {
    const result = checkProfile(aProfile({ citizenId: '019098123456', phone: '0208 3855 123' }), refs, TODAY);
    expect(issuesOf(result)).toEqual(['phone', 'citizenId']);
  });

  it('needs a phone for SMS and consistent dates', () => {
    const { phone: _phone, ...noPhone } = aProfile({
      workHistory: [{ from: '2022-01-01', to: '2021-01-01' }],
      demobilised: { service: 'military', date: '2027-01-01' },
    });
    expect(issuesOf(checkProfile(noPhone, refs, TODAY))).toEqual(['demobilised.date', 'workHistory.0.to', 'notificationChannels.sms']);
  });
});

describe('priorityGroupsOf', () => {
  it('derives the plan\'s groups from the profile', () => {
    const groups = priorityGroupsOf(
      aProfile({ householdStatus: 'poor', ethnicity: '08', disability: true, workAbroad: { country: 'KR', years: 4, programme: 'eps-korea' } }),
      TODAY,
    );
    expect(groups).toEqual({
      poorHousehold: true,
      nearPoorHousehold: false,
      recentlyOutOfPoverty: false,
      ethnicMinority: true,
      disability: true,
      backFromAbroad: true,
      demobilised: false,
      youth: true,
    });
  });

  it('counts Kinh as the majority and youth as 16 to 30', () => {
    const older = aProfile({ ethnicity: '01', dateOfBirth: '1990-01-01', citizenId: citizenIdFor('1990-01-01', 'female') });
    expect(priorityGroupsOf(older, TODAY)).toMatchObject({ ethnicMinority: false, youth: false });
  });
});
