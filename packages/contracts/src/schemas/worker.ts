import { z } from 'zod';
import {
  aggregateId,
  communeCode,
  districtCode,
  gender,
  iscoCode,
  language,
  moneyVnd,
  priorityGroups,
  qualification,
  referenceCode,
  shift,
  skill,
  timestamp,
  version,
} from './common.js';

export const workerStatus = z.enum(['looking', 'not-looking', 'placed']);
export const employmentStatus = z.enum(['unemployed', 'underemployed', 'employed-looking', 'not-looking']);

/**
 * What matching and analytics know of a worker: pseudonymous, no name, phone,
 * citizen-ID or raw ethnicity. Birth month instead of the birth date still
 * allows the legal-age rules.
 */
export const workerSnapshot = z.object({
  workerId: aggregateId,
  version,
  status: workerStatus,
  employmentStatus,
  consentToMatching: z.boolean(),
  birthMonth: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM'),
  gender,
  communeCode,
  formerDistrictCode: districtCode.optional(),
  desiredOccupations: z.array(iscoCode).max(10),
  skills: z.array(skill).max(100),
  certificates: z.array(referenceCode).max(50),
  qualification,
  qualificationField: referenceCode.optional(),
  languages: z.array(language).max(10),
  experienceYears: z.number().min(0).max(60),
  expectedWageVnd: moneyVnd.optional(),
  maxCommuteKm: z.number().min(0).max(500).optional(),
  willingToRelocate: z.boolean(),
  shifts: z.array(shift).max(4),
  priority: priorityGroups,
  registeredAt: timestamp,
});
export type WorkerSnapshot = z.infer<typeof workerSnapshot>;

export const workerErased = z.object({ workerId: aggregateId, version, erasedAt: timestamp });
