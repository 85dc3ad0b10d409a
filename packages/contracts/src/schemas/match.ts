import { z } from 'zod';
import { aggregateId, timestamp } from './common.js';

export const matchFactorName = z.enum([
  'occupation',
  'skills',
  'qualification',
  'location',
  'wage',
  'experience',
  'languages',
]);

export const matchFactor = z.object({
  factor: matchFactorName,
  value: z.number().min(0).max(1),
  weight: z.number().min(0).max(1),
  contribution: z.number().min(0).max(1),
});

export const matchScored = z.object({
  matchId: z.string().min(1).max(200).describe('Stable per (vacancy, worker) pair'),
  vacancyId: aggregateId,
  workerId: aggregateId,
  score: z.number().min(0).max(2),
  rank: z.number().int().positive(),
  scoringVersion: z.string().min(1).max(50),
  factors: z.array(matchFactor),
  boost: z.object({ groups: z.array(z.string()), amount: z.number().min(0).max(1) }),
  at: timestamp,
});
export type MatchScored = z.infer<typeof matchScored>;

export const matchWithdrawn = z.object({
  matchId: z.string().min(1).max(200),
  vacancyId: aggregateId,
  workerId: aggregateId,
  reason: z.enum(['outranked', 'vacancy-closed', 'worker-unavailable', 'worker-erased', 'placed', 'rescored']),
  at: timestamp,
});
