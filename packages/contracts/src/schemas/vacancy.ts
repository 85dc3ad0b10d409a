import { z } from 'zod';
import {
  aggregateId,
  communeCode,
  isoDate,
  iscoCode,
  languageCode,
  languageLevel,
  moneyVnd,
  qualification,
  referenceCode,
  shift,
  timestamp,
  version,
  vsicCode,
} from './common.js';

export const vacancyStatus = z.enum(['open', 'paused', 'filled', 'expired', 'withdrawn']);

export const vacancySkill = z.object({
  code: referenceCode,
  mustHave: z.boolean(),
  weight: z.number().min(0).max(1),
});

/** The vacancy's fields that intake validates, shared by HTTP and ingest. */
export const vacancyTerms = z
  .object({
    title: z.string().min(1).max(300),
    occupationCode: iscoCode,
    positions: z.number().int().positive().max(10_000),
    skills: z.array(vacancySkill).max(50),
    certificates: z.array(referenceCode).max(20),
    minQualification: qualification,
    languages: z.array(z.object({ code: languageCode, minLevel: languageLevel.optional(), required: z.boolean() })).max(5),
    communeCode,
    industrialParkCode: referenceCode.optional(),
    wageMinVnd: moneyVnd,
    wageMaxVnd: moneyVnd,
    shifts: z.array(shift).max(4),
    minAge: z.number().int().min(15).max(70).optional(),
    maxAge: z.number().int().min(15).max(70).optional(),
    minExperienceYears: z.number().min(0).max(40),
    deadline: isoDate,
  })
  .refine((v) => v.wageMaxVnd >= v.wageMinVnd, { message: 'wageMaxVnd below wageMinVnd', path: ['wageMaxVnd'] });

export const vacancySnapshot = z.object({
  vacancyId: aggregateId,
  version,
  employerId: aggregateId,
  status: vacancyStatus,
  positionsFilled: z.number().int().nonnegative(),
  fdi: z.boolean(),
  vsicSector: vsicCode,
  terms: vacancyTerms,
  openedAt: timestamp,
  updatedAt: timestamp,
});
export type VacancySnapshot = z.infer<typeof vacancySnapshot>;

export const vacancyClosed = vacancySnapshot.extend({
  closeReason: z.enum(['filled', 'expired', 'withdrawn']),
});
