import { baseConfigSchema } from '@ketnoi/service-kit';
import { z } from 'zod';

export const analyticsConfigSchema = baseConfigSchema.extend({
  SERVICE_NAME: z.string().default('analytics'),
  HTTP_PORT: z.coerce.number().int().min(1).max(65535).default(3005),
  /** How long to wait after a change before publishing the changed cells (a burst of events gives one publication). */
  ANALYTICS_PUBLISH_DEBOUNCE_MS: z.coerce.number().int().min(0).max(600_000).default(2000),
  /** Forecasts are refitted at most this often (they read completed quarters, which change rarely); 0: on every change. */
  ANALYTICS_FORECAST_REFRESH_MS: z.coerce.number().int().min(0).max(86_400_000).default(600_000),
  /**
   * Most events of one partition applied together (one write per collection);
   * 0: batches of one event, through the same handlers (as 1; the baseline of scripts/replay-rate.ts).
   */
  ANALYTICS_BATCH_SIZE: z.coerce.number().int().min(0).max(10_000).default(500),
  /** The province's code in province-level cells (Thái Nguyên: 19). */
  ANALYTICS_PROVINCE_CODE: z.string().regex(/^\d{2}$/, 'province code of 2 digits').default('19'),
});

export type AnalyticsConfig = z.output<typeof analyticsConfigSchema>;
