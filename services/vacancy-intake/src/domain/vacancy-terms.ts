import type { vacancyTerms } from '@ketnoi/contracts';
import type { z } from 'zod';

/** A vacancy's terms as validated by the contract (defaults applied). */
export type VacancyTerms = z.output<typeof vacancyTerms>;
/** What a caller may send (defaults not yet applied). */
export type VacancyTermsInput = z.input<typeof vacancyTerms>;
