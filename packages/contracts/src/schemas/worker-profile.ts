import { z } from 'zod';
import {
  communeCode,
  districtCode,
  gender,
  isoDate,
  iscoCode,
  language,
  moneyVnd,
  qualification,
  referenceCode,
  shift,
  skill,
} from './common.js';
import { employmentStatus } from './worker.js';

/** Citizen-ID (CCCD): 12 digits. Registration checks province, century/gender and birth year. */
export const citizenId = z.string().regex(/^\d{12}$/, 'citizen-ID (CCCD) of 12 digits');
export const householdStatus = z.enum(['poor', 'near-poor', 'recently-out-of-poverty', 'none']);
export const generalEducation = z.enum(['none', 'primary', 'lower-secondary', 'upper-secondary']);
export const consentChannel = z.enum(['desk', 'portal', 'phone', 'paper', 'system']);
export const abroadProgramme = z.enum(['eps-korea', 'im-japan', 'tits-japan', 'ssw-japan', 'taiwan', 'europe', 'middle-east', 'other']);

export const address = z.object({
  communeCode,
  detail: z.string().max(300).optional().describe('House number, street, hamlet (thôn, xóm)'),
  formerDistrictCode: districtCode.optional().describe('Filled from reference data: the district before the 2025 reform'),
});

export const workAbroad = z.object({
  country: z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2'),
  years: z.number().min(0).max(40),
  occupationCode: iscoCode.optional(),
  programme: abroadProgramme,
  returnedOn: isoDate.optional(),
});

export const demobilisation = z.object({
  service: z.enum(['military', 'police', 'volunteer-youth']),
  date: isoDate,
});

export const certificate = z.object({
  code: referenceCode,
  name: z.string().max(200).optional(),
  issuer: z.string().max(200).optional(),
  issuedOn: isoDate.optional(),
  expiresOn: isoDate.optional(),
});

export const workHistoryEntry = z.object({
  occupationCode: iscoCode.optional(),
  employer: z.string().max(200).optional(),
  from: isoDate,
  to: isoDate.optional(),
  description: z.string().max(1000).optional(),
});

export const consents = z.object({
  matching: z.boolean(),
  notifications: z.boolean(),
  shareProfile: z.boolean(),
  channel: consentChannel,
});

/**
 * A job seeker's profile as staff and the centre's systems submit it: one
 * schema for HTTP, ingest and storage. Personal data; only the registration
 * service reads it.
 */
export const workerProfile = z
  .object({
    fullName: z.string().trim().min(1).max(200),
    citizenId,
    dateOfBirth: isoDate,
    gender,
    ethnicity: z.string().regex(/^\d{2}$/, 'code of one of the 54 ethnic groups (01-54)'),
    phone: z.string().min(9).max(20).optional(),
    email: z.email().max(200).optional(),
    address,
    householdStatus,
    disability: z.boolean(),
    workAbroad: workAbroad.optional().describe('Worker back from working abroad'),
    demobilised: demobilisation.optional().describe('Back from military, police or volunteer-youth service'),
    generalEducation,
    qualification,
    qualificationField: referenceCode.optional(),
    certificates: z.array(certificate).max(50),
    skills: z.array(skill).max(100),
    languages: z.array(language).max(10),
    desiredOccupations: z.array(iscoCode).min(1).max(10),
    workHistory: z.array(workHistoryEntry).max(30),
    expectedWageVnd: moneyVnd.optional(),
    maxCommuteKm: z.number().min(0).max(500).optional(),
    willingToRelocate: z.boolean(),
    shifts: z.array(shift).max(4),
    employmentStatus,
    unemploymentInsurance: z.boolean(),
    socialInsurance: z.boolean(),
    preferredLanguage: z.enum(['vi', 'en']),
    notificationChannels: z.object({ sms: z.boolean(), email: z.boolean(), inApp: z.boolean() }),
    consents,
  })
  .strict();
export type WorkerProfile = z.infer<typeof workerProfile>;

/** Ingest: register a worker, or update the one with the same citizen-ID. */
export const workerSubmission = z.object({
  externalRef: z.string().min(1).max(100).describe("The sending system's own id of the record"),
  profile: workerProfile,
});

export const workerWithdrawal = z.object({
  externalRef: z.string().min(1).max(100),
  citizenId,
  reason: z.string().max(300).optional(),
});
