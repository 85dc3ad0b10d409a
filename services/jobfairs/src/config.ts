import { baseConfigSchema, optionalEnv } from '@ketnoi/service-kit';
import { z } from 'zod';

const positiveInt = () => z.coerce.number().int().positive();

export const configSchema = baseConfigSchema.extend({
  SERVICE_NAME: z.string().min(1).default('jobfairs'),
  HTTP_PORT: z.coerce.number().int().min(1).max(65535).default(3006),
  /**
   * HMAC key (at least 32 characters) signing check-in QR codes and
   * self-service links; a random key is made at start when unset (local runs
   * only: codes issued before a restart stop working).
   */
  JOBFAIRS_TOKEN_SECRET: optionalEnv(z.string().min(32)),
  /** How long a self-service link stays valid. */
  SELF_SERVICE_LINK_TTL_HOURS: positiveInt().max(24 * 90).default(24 * 14),
  /** Interview slots start and end on this grid (minutes); clash detection works on it. */
  SLOT_GRID_MINUTES: positiveInt().max(60).default(5),
  /** Reminders go out automatically this long before a fair starts (0: only on request). */
  REMINDER_LEAD_HOURS: z.coerce.number().int().min(0).max(24 * 14).default(24),
  /** How often scheduled fairs are checked for reminders due. */
  REMINDER_SWEEP_MS: positiveInt().default(5 * 60_000),
  /** Requests per client (token subject, self-service link, else address) per window, and the window. */
  RATE_LIMIT_MAX: positiveInt().default(600),
  RATE_LIMIT_WINDOW_MS: positiveInt().default(60_000),
  /**
   * Most events of a partition of workers.v1, vacancies.v1 or matches.v1
   * projected together (one insert per batch); 0: batches of one event,
   * through the same handlers (as 1).
   */
  JOBFAIRS_BATCH_SIZE: z.coerce.number().int().min(0).max(10_000).default(500),
  /** Consumer group of the workers/vacancies/matches projections. */
  PROJECTION_GROUP_ID: z.string().min(1).default('jobfairs.projections'),
});

export type Config = z.output<typeof configSchema>;
