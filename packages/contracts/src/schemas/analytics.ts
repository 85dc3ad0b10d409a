import { z } from 'zod';
import { timestamp } from './common.js';

export const periodKind = z.enum(['day', 'month', 'quarter']);
const period = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?|-Q[1-4])?$/, 'YYYY, YYYY-MM, YYYY-MM-DD or YYYY-Qn');
const area = z.object({ level: z.enum(['commune', 'former-district', 'province']), code: z.string().max(20) });

export const supplyDemandCell = z.object({
  key: z.string().max(200).describe('period|area|occupation: the Kafka key, compacted'),
  periodKind,
  period,
  area,
  occupation: z.object({ level: z.enum(['major', 'sub-major', 'unit']), code: z.string().max(4) }),
  jobSeekers: z.number().int().nonnegative(),
  openPositions: z.number().int().nonnegative(),
  supplyDemandRatio: z.number().nonnegative().nullable(),
  shortageIndex: z.number().min(-1).max(1).describe('-1 surplus ... 1 shortage'),
  computedAt: timestamp,
});

export const kpiValue = z.object({
  key: z.string().max(200),
  kpi: z.string().min(1).max(100),
  periodKind,
  period,
  area,
  value: z.number(),
  target: z.number().optional(),
  unit: z.string().max(30),
  computedAt: timestamp,
});

export const forecast = z.object({
  key: z.string().max(200),
  series: z.string().min(1).max(200),
  model: z.string().max(100),
  points: z.array(z.object({ period, value: z.number(), lower: z.number(), upper: z.number() })).max(60),
  computedAt: timestamp,
});
