import { z } from 'zod';
import { vacancyTerms } from './vacancy.js';
import { taxCode } from './employer.js';

/** A vacancy from another system (e.g. an industrial-park board). */
export const vacancySubmission = z.object({
  externalRef: z.string().min(1).max(100),
  employerTaxCode: taxCode,
  terms: vacancyTerms,
});
