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
