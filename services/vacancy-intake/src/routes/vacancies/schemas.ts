import { aggregateId, closeReason, communeCode, iscoCode, referenceCode, vacancyStatus, vacancyTerms } from '@ketnoi/contracts';
import { z } from 'zod';
import type { Vacancy } from '../../use-cases/vacancies.js';

const termsShape = vacancyTerms.shape;

/** A new vacancy: its terms; staff also name the employer (an employer's token already does). */
export const createVacancyBody = z.strictObject({ ...termsShape, employerId: aggregateId.optional() });

// PATCH is a JSON merge patch of the terms: a field left out stays, null removes an optional one.
const patchable = Object.fromEntries(
  Object.entries(termsShape).map(([key, schema]) => {
    const inner = schema instanceof z.ZodDefault ? (schema.unwrap() as z.ZodType) : schema;
    return [key, inner.nullable().optional()];
  }),
) as { [K in keyof typeof termsShape]: z.ZodOptional<z.ZodNullable<z.ZodType<z.input<(typeof termsShape)[K]>>>> };
export const patchVacancyBody = z.strictObject(patchable);

export const closeVacancyBody = z.strictObject({
  reason: closeReason,
  note: z.string().min(1).max(500).optional().describe('Why; no personal data'),
});

export const vacancyParams = z.strictObject({ vacancyId: aggregateId });

export const listVacanciesQuery = z.strictObject({
  status: vacancyStatus.optional(),
  employerId: aggregateId.optional().describe('Staff only; an employer always sees its own'),
  occupationCode: iscoCode.optional(),
  communeCode: communeCode.optional(),
  industrialParkCode: referenceCode.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: aggregateId.optional().describe('nextCursor of the previous page'),
});

export const vacancyView = z.object({
  vacancyId: aggregateId,
  version: z.number().int().positive(),
  employerId: aggregateId,
  status: vacancyStatus,
  positionsFilled: z.number().int().nonnegative(),
  terms: vacancyTerms,
  openedAt: z.string(),
  expiresAt: z.string().describe('When the application deadline ends (the vacancy then expires)'),
  updatedAt: z.string(),
  closeReason: closeReason.optional(),
  closeNote: z.string().optional(),
  closedAt: z.string().optional(),
});
export type VacancyView = z.infer<typeof vacancyView>;

export const vacancyPage = z.object({ items: z.array(vacancyView), nextCursor: aggregateId.nullable() });

export function toVacancyView({ id, version, state, updatedAt }: Vacancy): VacancyView {
  return {
    vacancyId: id,
    version,
    employerId: state.employerId,
    status: state.status,
    positionsFilled: state.positionsFilled,
    terms: state.terms,
    openedAt: state.openedAt,
    expiresAt: state.expiresAt,
    updatedAt: new Date(updatedAt).toISOString(),
    ...(state.closeReason === undefined ? {} : { closeReason: state.closeReason }),
    ...(state.closeNote === undefined ? {} : { closeNote: state.closeNote }),
    ...(state.closedAt === undefined ? {} : { closedAt: state.closedAt }),
  };
}
