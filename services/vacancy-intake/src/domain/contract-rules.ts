import type { VacancyTerms } from './vacancy-terms.js';
import { violation, type Violation } from './violation.js';

// Labour Code 2019 art. 20: a fixed-term contract runs for at most 36 months.
type ContractTerms = Pick<VacancyTerms, 'contractType' | 'contractMonths'>;

export function contractViolations({ contractType, contractMonths }: ContractTerms): Violation[] {
  if (contractType === 'fixed-term' && contractMonths === undefined) {
    return [violation('contractMonths', 'CONTRACT_LENGTH_MISSING', 'a fixed-term contract needs its length in months (1 to 36)')];
  }
  if (contractType !== 'fixed-term' && contractMonths !== undefined) {
    return [violation('contractMonths', 'CONTRACT_LENGTH_UNEXPECTED', 'only a fixed-term contract has a length in months')];
  }
  return [];
}
