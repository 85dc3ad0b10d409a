import { z } from 'zod';
import { aggregateId, isoDate, moneyVnd, timestamp, version } from './common.js';

export const placement = z.object({
  placementId: aggregateId,
  version,
  vacancyId: aggregateId,
  workerId: aggregateId,
  employerId: aggregateId,
  hiredAt: timestamp,
  startDate: isoDate.optional(),
  wageVnd: moneyVnd.optional(),
  matchId: z.string().max(200).optional().describe('The match that led to the hire, when there was one'),
});
export type Placement = z.infer<typeof placement>;

export const placementOutcomeKind = z.enum(['shortlisted', 'interviewed', 'rejected', 'no-show']);

/** Why a candidate was not taken; a code, never free text (which could carry personal data). */
export const rejectionReason = z.enum([
  'skills',
  'qualification',
  'experience',
  'language',
  'wage-expectation',
  'location',
  'availability',
  'candidate-withdrew',
  'position-filled',
  'other',
]);

/**
 * A step of one candidate in one vacancy. `candidacyId` is the aggregate (one
 * per vacancy and worker) and `version` counts its outcomes.
 */
export const placementOutcome = z
  .object({
    candidacyId: aggregateId,
    version,
    vacancyId: aggregateId,
    workerId: aggregateId,
    employerId: aggregateId,
    outcome: placementOutcomeKind,
    rejectionReason: rejectionReason.optional(),
    recordedAt: timestamp,
    matchId: z.string().max(200).optional(),
  })
  .refine((o) => (o.outcome === 'rejected') === (o.rejectionReason !== undefined), {
    message: 'a rejection, and only a rejection, carries a rejectionReason',
    path: ['rejectionReason'],
  });
export type PlacementOutcome = z.infer<typeof placementOutcome>;
