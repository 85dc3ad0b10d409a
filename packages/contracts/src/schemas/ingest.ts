import { z } from 'zod';
import {
  communeCode,
  gender,
  isoDate,
  iscoCode,
  language,
  moneyVnd,
  qualification,
  shift,
  skill,
} from './common.js';
import { employmentStatus } from './worker.js';
import { vacancyTerms } from './vacancy.js';
import { taxCode } from './employer.js';

/**
 * A worker as the centre's desks and systems send it. Personal data: only the
 * registration service reads it; it validates deeper (citizen-ID checksum
 * rules, phone normalisation) before anything is stored.
 */
export const workerSubmission = z.object({
  externalRef: z.string().min(1).max(100).describe('The sending system\'s own id of the record'),
  citizenId: z.string().regex(/^\d{12}$/, 'citizen-ID (CCCD) of 12 digits'),
  fullName: z.string().min(1).max(200),
  dateOfBirth: isoDate,
  gender,
  ethnicity: z.string().regex(/^\d{2}$/, 'code of one of the 54 ethnic groups'),
  phone: z.string().min(9).max(20).optional(),
  email: z.email().optional(),
  communeCode,
  householdStatus: z.enum(['poor', 'near-poor', 'recently-out-of-poverty', 'none']),
  disability: z.boolean(),
  backFromAbroad: z.boolean(),
  demobilisedOn: isoDate.optional(),
  qualification,
  desiredOccupations: z.array(iscoCode).max(10),
  skills: z.array(skill).max(100),
  languages: z.array(language).max(10),
  experienceYears: z.number().min(0).max(60),
  expectedWageVnd: moneyVnd.optional(),
  maxCommuteKm: z.number().min(0).max(500).optional(),
  willingToRelocate: z.boolean(),
  shifts: z.array(shift).max(4),
  employmentStatus,
  consents: z.object({ matching: z.boolean(), notifications: z.boolean(), shareProfile: z.boolean() }),
});

export const workerWithdrawal = z.object({
  externalRef: z.string().min(1).max(100),
  citizenId: z.string().regex(/^\d{12}$/),
  reason: z.string().max(300).optional(),
});

/** A vacancy from another system (e.g. an industrial-park board). */
export const vacancySubmission = z.object({
  externalRef: z.string().min(1).max(100),
  employerTaxCode: taxCode,
  terms: vacancyTerms,
});
