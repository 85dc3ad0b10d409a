import { aggregateId } from '@ketnoi/contracts';
import { z } from 'zod';

export const workerParams = z.object({ id: aggregateId });
export const itemParams = workerParams.extend({ itemId: z.string().min(1).max(200) });
export const inboxQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });

export const inboxItemView = z.object({
  itemId: z.string(),
  kind: z.enum(['match', 'placement', 'digest', 'jobfair']),
  matchId: z.string().optional(),
  vacancyId: z.string().optional(),
  language: z.enum(['vi', 'en']),
  title: z.string(),
  body: z.string(),
  at: z.string(),
  readAt: z.string().nullable(),
});

export const inboxView = z.object({ items: z.array(inboxItemView), unread: z.number().int().nonnegative() });
