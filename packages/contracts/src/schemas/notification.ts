import { z } from 'zod';
import { aggregateId, timestamp } from './common.js';

/** What was sent, to whom (by id) and through which channel; never the address. */
export const notificationRecord = z.object({
  notificationId: z.string().min(1).max(200),
  recipientKind: z.enum(['worker', 'employer']),
  recipientId: aggregateId,
  channel: z.enum(['sms', 'email', 'in-app', 'webhook']),
  template: z.string().min(1).max(100),
  causeEventId: z.string().max(200).optional(),
  at: timestamp,
});

/** Why a notification was held back on purpose rather than lost. */
export const suppressionReason = z.enum(['opt-out', 'no-consent', 'no-address', 'quiet-hours', 'cap', 'withdrawn', 'digest']);

export const notificationFailed = notificationRecord.extend({
  reason: z.string().max(500),
  final: z.boolean(),
  suppressed: suppressionReason
    .optional()
    .describe('Set when held back by a rule, not by a fault; quiet-hours comes with final false and deferredUntil; digest: folded into the daily digest named in reason'),
  deferredUntil: timestamp.optional().describe('When a deferred notification will be tried again'),
});
