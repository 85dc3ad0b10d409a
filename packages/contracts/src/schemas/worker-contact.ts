import { z } from 'zod';
import { aggregateId, communeCode, timestamp, version } from './common.js';

/** Personal data: only the notification service consumes it. */
export const workerContact = z.object({
  workerId: aggregateId,
  version,
  fullName: z.string().min(1).max(200),
  phone: z.string().regex(/^\+84\d{9}$/, 'E.164 Vietnamese mobile number').optional(),
  email: z.email().optional(),
  preferredLanguage: z.enum(['vi', 'en']),
  channels: z.object({ sms: z.boolean(), email: z.boolean(), inApp: z.boolean() }),
  consentToNotifications: z.boolean(),
  communeCode: communeCode.optional(),
  updatedAt: timestamp,
});
export type WorkerContact = z.infer<typeof workerContact>;

export const workerContactErased = z.object({ workerId: aggregateId, version, erasedAt: timestamp });
