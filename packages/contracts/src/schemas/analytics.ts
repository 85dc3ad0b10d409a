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
  placements: z.number().int().nonnegative().optional().describe('Hires recorded in the cell (all time)'),
  computedAt: timestamp,
});

/** Where an indicator's numbers come from: the registry's events, the official labour-force statistics uploaded by analysts, or both. */
export const kpiBasis = z.enum(['registry', 'survey', 'registry+survey']);

export const kpiValue = z.object({
  key: z.string().max(200).describe('kpi|period|area: the Kafka key, compacted'),
  kpi: z.string().min(1).max(100),
  periodKind: z.enum(['day', 'month', 'quarter', 'year']),
  period,
  area,
  value: z.number(),
  target: z.number().optional(),
  unit: z.string().max(30),
  comparison: z.enum(['at-least', 'at-most']).optional().describe('How the value meets the target'),
  met: z.boolean().optional().describe('Whether the value meets the target'),
  basis: kpiBasis.optional(),
  source: z.string().max(300).optional().describe('The table or events the value comes from'),
  numerator: z.number().nonnegative().optional(),
  denominator: z.number().nonnegative().optional(),
  computedAt: timestamp,
});

export const forecast = z.object({
  key: z.string().max(200),
  series: z.string().min(1).max(200),
  model: z.string().max(100),
  points: z.array(z.object({ period, value: z.number(), lower: z.number(), upper: z.number() })).max(60),
  side: z.enum(['demand', 'supply']).optional().describe('demand: positions opened; supply: job seekers registered'),
  area: area.optional(),
  occupation: z.object({ level: z.enum(['major', 'sub-major', 'unit']), code: z.string().max(4) }).optional(),
  level: z.number().min(0).max(1).optional().describe('Coverage of the prediction intervals (0.8: 80%)'),
  history: z.array(z.object({ period, value: z.number() })).max(200).optional().describe('The quarters the model was fitted on'),
  backtest: z
    .object({
      holdout: z.number().int().nonnegative(),
      mape: z.number().nonnegative().nullable().describe('Mean absolute percentage error over held-out quarters (zeros skipped)'),
      smape: z.number().nonnegative().nullable().describe('Symmetric MAPE, in [0, 2]'),
    })
    .optional(),
  computedAt: timestamp,
});
