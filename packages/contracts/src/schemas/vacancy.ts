import { z } from 'zod';
import {
  aggregateId,
  communeCode,
  isoDate,
  iscoCode,
  languageCode,
  languageLevel,
  moneyVnd,
  priorityGroups,
  qualification,
  referenceCode,
  shift,
  timestamp,
  version,
  vsicCode,
} from './common.js';

export const vacancyStatus = z.enum(['open', 'paused', 'filled', 'expired', 'withdrawn']);

/** What the wage amounts are per: a month (the usual case) or an hour (part-time, seasonal work). */
export const wagePeriod = z.enum(['month', 'hour']);

/** Labour Code 2019 art. 20 contract types, plus apprenticeship and casual (service) work. */
export const contractType = z.enum(['indefinite', 'fixed-term', 'apprenticeship', 'casual']);

/** Groups an employer particularly welcomes: the plan's priority groups (the keys of `priorityGroups`). */
export const welcomedGroup = priorityGroups.keyof();

export const vacancySkill = z.object({
  code: referenceCode,
  mustHave: z.boolean(),
  weight: z.number().min(0).max(1),
});

/** The vacancy's fields that intake validates, shared by HTTP and ingest. */
export const vacancyTerms = z
  .object({
    title: z.string().min(1).max(300),
    description: z.string().max(10_000).optional(),
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
    wagePeriod: wagePeriod.default('month').describe('What wageMinVnd and wageMaxVnd are per'),
    shifts: z.array(shift).max(4),
    contractType: contractType.optional(),
    contractMonths: z.number().int().min(1).max(36).optional().describe('Length of a fixed-term contract'),
    startDate: isoDate.optional(),
    housingOffered: z.boolean().default(false),
    shuttleOffered: z.boolean().default(false),
    welcomedGroups: z.array(welcomedGroup).max(8).default([]),
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

export const closeReason = z.enum(['filled', 'expired', 'withdrawn']).describe('withdrawn: cancelled by the employer or staff');

export const vacancyClosed = vacancySnapshot.extend({
  closeReason,
  closeNote: z.string().max(500).optional(),
});
export type VacancyClosed = z.infer<typeof vacancyClosed>;
