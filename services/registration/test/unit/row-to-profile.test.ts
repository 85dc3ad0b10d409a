import { describe, expect, it } from 'vitest';
import { rowToProfile } from '../../src/import/row-to-profile.js';
import type { ReferenceLookup } from '../../src/domain/reference-lookup.js';

const refs = {
  ethnicGroupNamed: (name: string) => ({ kinh: '01', tày: '02', tay: '02' })[name.toLowerCase()],
  communeNamed: (name: string) => (name.toLowerCase().includes('đức xuân') ? '01840' : undefined),
} as unknown as ReferenceLookup;

const row = {
  fullName: 'Nông Văn Dũng',
  citizenId: '019 095 001234',
  dateOfBirth: '05/07/1995',
  gender: 'Nam',
  ethnicity: 'Tày',
  phone: '0987 654 321',
  commune: 'Phường Đức Xuân',
  householdStatus: 'Cận nghèo',
  qualification: 'Trung cấp',
  generalEducation: '12/12',
  desiredOccupations: '7212; 8212',
  skills: 'welding-mig:4; forklift-operation',
  languages: 'ko:TOPIK3',
  expectedWageVnd: '9.000.000',
  shifts: 'Ca ngày, 3 ca',
  demobilisedOn: '15/02/2020',
  demobilisedService: 'Quân đội',
  consentMatching: 'Có',
  consentNotifications: 'x',
};

describe('rowToProfile', () => {
  it('reads the way Vietnamese offices fill a spreadsheet', () => {
    const result = rowToProfile(row, refs);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.profile).toMatchObject({
      citizenId: '019095001234',
      dateOfBirth: '1995-07-05',
      gender: 'male',
      ethnicity: '02',
      address: { communeCode: '01840' },
      householdStatus: 'near-poor',
      qualification: 'intermediate',
      generalEducation: 'upper-secondary',
      desiredOccupations: ['7212', '8212'],
      skills: [
        { code: 'welding-mig', level: 4 },
        { code: 'forklift-operation', level: 3 },
      ],
      languages: [{ code: 'ko', level: 'TOPIK3' }],
      expectedWageVnd: 9_000_000,
      shifts: ['day', 'rotating'],
      demobilised: { service: 'military', date: '2020-02-15' },
      consents: { matching: true, notifications: true, shareProfile: false, channel: 'paper' },
      notificationChannels: { sms: true, email: false, inApp: true },
    });
  });

  it('names every unreadable cell by its column', () => {
    const result = rowToProfile({ ...row, dateOfBirth: '31-31-1995', gender: 'Không rõ', ethnicity: 'Martian', consentMatching: 'maybe' }, refs);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((issue) => issue.field)).toEqual(['ethnicity', 'dateOfBirth', 'gender', 'consentMatching']);
  });

  it('reports what the profile schema refuses', () => {
    const { desiredOccupations: _none, ...withoutOccupations } = row;
    const result = rowToProfile(withoutOccupations, refs);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([expect.objectContaining({ field: 'desiredOccupations' })]);
  });
});
