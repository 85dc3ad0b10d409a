import type { WorkerProfile } from '@ketnoi/contracts';

/** Object mother: a valid job seeker of Thái Nguyên, overridable field by field. */
export const aProfile = (overrides: Partial<WorkerProfile> = {}): WorkerProfile => ({
  fullName: 'Hoàng Thị Thu Hà',
  citizenId: '019198123456',
  dateOfBirth: '1998-03-14',
  gender: 'female',
  ethnicity: '02',
  phone: '0912 345 678',
  email: 'Thuha.Hoang@example.vn',
  address: { communeCode: '01840', detail: 'Tổ 5' },
  householdStatus: 'near-poor',
  disability: false,
  generalEducation: 'upper-secondary',
  qualification: 'intermediate',
  certificates: [{ code: 'cert-forklift', issuer: 'Trường Cao đẳng Công nghiệp Thái Nguyên' }],
  skills: [
    { code: 'electronics-assembly', level: 3 },
    { code: 'smt-operation', level: 2 },
  ],
  languages: [{ code: 'ko', level: 'TOPIK2' }],
  desiredOccupations: ['8212'],
  workHistory: [{ occupationCode: '8212', employer: 'Samsung Electronics Việt Nam Thái Nguyên', from: '2019-06-01', to: '2023-06-01' }],
  expectedWageVnd: 8_500_000,
  maxCommuteKm: 30,
  willingToRelocate: false,
  shifts: ['day', 'rotating'],
  employmentStatus: 'unemployed',
  unemploymentInsurance: true,
  socialInsurance: true,
  preferredLanguage: 'vi',
  notificationChannels: { sms: true, email: true, inApp: true },
  consents: { matching: true, notifications: true, shareProfile: false, channel: 'desk' },
  ...overrides,
});

/** A citizen-ID that agrees with a birth date and gender, for the given 6 random digits. */
export const citizenIdFor = (dateOfBirth: string, gender: 'male' | 'female', serial = '000123', province = '019'): string => {
  const year = Number(dateOfBirth.slice(0, 4));
  const century = Math.floor((year - 1900) / 100) * 2 + (gender === 'female' ? 1 : 0);
  return `${province}${century}${String(year % 100).padStart(2, '0')}${serial}`;
};
