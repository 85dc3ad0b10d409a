import { aggregateId } from '@ketnoi/contracts';
import { z } from 'zod';

export const importQuery = z.strictObject({ employerId: aggregateId.optional().describe('Staff: the employer of rows that name none') });

const rowReport = z.object({
  row: z.number().int().describe('Line in the CSV, row in the sheet, or position of the JobPosting (from 1)'),
  status: z.enum(['created', 'updated', 'merged', 'unchanged', 'rejected']),
  vacancyId: aggregateId.optional(),
  externalRef: z.string().optional(),
  errors: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })).optional(),
});

export const importReport = z.object({
  summary: z.object({
    rows: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    merged: z.number().int(),
    unchanged: z.number().int(),
    rejected: z.number().int(),
  }),
  rows: z.array(rowReport),
});
