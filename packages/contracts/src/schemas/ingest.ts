import { z } from 'zod';
import { vacancyTerms } from './vacancy.js';
import { taxCode } from './employer.js';

/**
 * A vacancy from another system (e.g. an industrial-park board). Strict, as
 * HTTP is: an unknown field (a `gender` condition, a `status`) is refused to
 * the dead-letter topic, not silently dropped.
 */
export const vacancySubmission = z.strictObject({
  externalRef: z.string().min(1).max(100),
  employerTaxCode: taxCode,
  terms: vacancyTerms.strict(),
});
