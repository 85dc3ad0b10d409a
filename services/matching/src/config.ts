import { baseConfigSchema, optionalEnv } from '@ketnoi/service-kit';
import { z } from 'zod';
import { DEFAULT_SCORING, scoringConfigSchema } from './domain/scoring-config.js';

/** MATCHING_SCORING: a JSON scoring config (weights, thresholds, K, boost); the packaged v1 when unset. */
const scoringJson = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be JSON' });
      return z.NEVER;
    }
  })
  .pipe(scoringConfigSchema);

export const matchingConfigSchema = baseConfigSchema.extend({
  SERVICE_NAME: z.string().default('matching'),
  HTTP_PORT: z.coerce.number().int().min(1).max(65535).default(3003),
  MATCHING_SCORING: optionalEnv(scoringJson).transform((value) => value ?? DEFAULT_SCORING),
  REFERENCE_DATA_DIR: optionalEnv(z.string().min(1)),
  /** Most events of one partition applied and written together. */
  MATCHING_BATCH_SIZE: z.coerce.number().int().min(1).max(5000).default(500),
  /** Scale-out across instances (router, shards, merge stage); off: one instance holds everything. */
  MATCHING_SHARDED: z.enum(['true', 'false']).default('false').transform((value) => value === 'true'),
});

export type MatchingConfig = z.output<typeof matchingConfigSchema>;
