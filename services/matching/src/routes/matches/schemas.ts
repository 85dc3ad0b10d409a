import { aggregateId, matchFactor } from '@ketnoi/contracts';
import { z } from 'zod';
import { NON_MATCH_REASONS } from '../../domain/hard-filters.js';

export const idParams = z.object({ id: aggregateId });
export const pageQuery = z.object({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export const explainQuery = z.object({ workerId: aggregateId, vacancyId: aggregateId });

const boost = z.object({ groups: z.array(z.string()), amount: z.number() });

/** What an employer may see of a candidate: no name, contact, age, gender or priority group. */
export const candidateCard = z.object({
  matchId: z.string(),
  workerId: aggregateId,
  rank: z.number().int().positive(),
  score: z.number(),
  factors: z.array(matchFactor),
  qualification: z.string(),
  experienceYears: z.number(),
  skills: z.array(z.string()),
  boost: boost.optional().describe('Staff only'),
});

export const vacancyMatches = z.object({
  vacancyId: aggregateId,
  scoringVersion: z.string(),
  total: z.number().int(),
  offset: z.number().int(),
  limit: z.number().int(),
  items: z.array(candidateCard),
});

export const workerMatches = z.object({
  workerId: aggregateId,
  scoringVersion: z.string(),
  items: z.array(z.object({ matchId: z.string(), vacancyId: aggregateId, rank: z.number().int(), score: z.number(), factors: z.array(matchFactor) })),
});

export const explanation = z.object({
  workerId: aggregateId,
  vacancyId: aggregateId,
  matched: z.boolean(),
  score: z.number().nullable(),
  scoringVersion: z.string(),
  failed: z.enum(NON_MATCH_REASONS).nullable().describe('For a non-match: the first hard filter that failed, or below-minimum-score'),
  factors: z.array(matchFactor),
  boost,
  rank: z.number().int().nullable().describe("The worker's rank in the vacancy's top-K, when in it"),
});

export const rematchJob = z.object({
  jobId: z.uuid(),
  state: z.enum(['running', 'done', 'failed', 'cancelled']).describe('cancelled: the service closed while it ran; start it again'),
  scoringVersion: z.string(),
  vacancies: z.number().int().describe('Open vacancies to re-score'),
  done: z.number().int().describe('Re-scored so far'),
  changed: z.number().int().describe('Lists that changed'),
  events: z.number().int().describe('match.* events announced (only the changes)'),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
  ms: z.number().nullable(),
});

export const jobParams = z.object({ jobId: z.uuid() });
