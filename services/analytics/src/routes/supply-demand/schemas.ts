import { z } from 'zod';

export const supplyDemandQuery = z.strictObject({
  level: z.enum(['province', 'commune']).default('province').describe('Area level of the cells'),
  occupationLevel: z.enum(['major']).default('major').describe('ISCO-08 level of the cells (major group for now)'),
  format: z.enum(['json', 'csv']).optional().describe('csv: the same as Accept: text/csv'),
});

const row = z.object({
  area: z.object({ level: z.enum(['province', 'commune']), code: z.string() }),
  occupation: z.object({ level: z.enum(['major']), code: z.string() }),
  jobSeekers: z.number().int().nonnegative(),
  openPositions: z.number().int().nonnegative(),
  placements: z.number().int().nonnegative(),
  supplyDemandRatio: z.number().nonnegative().nullable(),
  shortageIndex: z.number().min(-1).max(1),
});

export const supplyDemandReport = z.object({
  level: z.enum(['province', 'commune']),
  occupationLevel: z.enum(['major']),
  computedAt: z.string(),
  items: z.array(row),
});
