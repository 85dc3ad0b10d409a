import { aggregateId, isoDate, moneyVnd, placementOutcomeKind, rejectionReason } from '@ketnoi/contracts';
import { z } from 'zod';
import { vacancyView } from '../vacancies/schemas.js';

export const hireBody = z.strictObject({
  workerId: aggregateId,
  startDate: isoDate.optional(),
  wageVnd: moneyVnd.optional(),
  matchId: z.string().min(1).max(200).optional(),
});

export const hireView = z.object({ placementId: aggregateId, vacancy: vacancyView });

export const outcomeBody = z
  .strictObject({
    workerId: aggregateId,
    outcome: placementOutcomeKind,
    rejectionReason: rejectionReason.optional(),
    matchId: z.string().min(1).max(200).optional(),
  })
  .refine((o) => (o.outcome === 'rejected') === (o.rejectionReason !== undefined), {
    message: 'a rejection, and only a rejection, gives a rejectionReason',
    path: ['rejectionReason'],
  });

export const outcomeView = z.object({
  candidacyId: aggregateId,
  version: z.number().int().positive(),
  vacancyId: aggregateId,
  workerId: aggregateId,
  outcomes: z.array(z.object({ outcome: placementOutcomeKind, rejectionReason: rejectionReason.optional(), at: z.string() })),
});
