import { consents, priorityGroups, workerProfile } from '@ketnoi/contracts';
import { z } from 'zod';

export const workerIdParams = z.object({ id: z.string().regex(/^wrk_[A-Za-z0-9_-]{6,40}$/, 'a worker id') });

const givenConsent = z.object({ granted: z.boolean(), at: z.string(), channel: consents.shape.channel });

/** A worker as staff see it: the profile with its version, status and derived policy facts. */
export const workerView = z.object({
  workerId: z.string(),
  version: z.number().int(),
  status: z.enum(['active', 'withdrawn', 'erased']),
  minor: z.boolean().describe('Aged 15-17: only work the law allows minors'),
  priority: priorityGroups,
  consents: z.object({ matching: givenConsent, notifications: givenConsent, shareProfile: givenConsent }),
  registeredAt: z.string(),
  profile: workerProfile,
});
export type WorkerView = z.infer<typeof workerView>;

export const workerSummary = z.object({
  workerId: z.string(),
  version: z.number().int(),
  status: z.enum(['active', 'withdrawn', 'erased']),
});

export const lookupQuery = z.object({ cccd: z.string().regex(/^\d{12}$/, 'citizen-ID of 12 digits') });

export const patchBody = workerProfile.partial().strict();

export const idempotencyHeaders = z.object({
  'idempotency-key': z.string().min(8).max(200).optional(),
});

export const ifMatchHeaders = z.object({
  'if-match': z.string().regex(/^(W\/)?"?\d+"?$/, 'the version, as given in the ETag').optional(),
});
