import { z } from 'zod';
import { aggregateId, communeCode, referenceCode, timestamp, version, vsicCode } from './common.js';

/** Vietnamese tax code (MST): 10 digits, or 10 + "-" + 3 for a branch. */
export const taxCode = z.string().regex(/^\d{10}(-\d{3})?$/, 'tax code of 10 digits, or 10-3 for a branch');

export const employerSnapshot = z.object({
  employerId: aggregateId,
  version,
  taxCode,
  name: z.string().min(1).max(300),
  vsicSector: vsicCode,
  fdi: z.boolean(),
  investorCountry: z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2').optional(),
  industrialParkCode: referenceCode.optional(),
  communeCode,
  status: z.enum(['active', 'suspended']),
  updatedAt: timestamp,
});
export type EmployerSnapshot = z.infer<typeof employerSnapshot>;
