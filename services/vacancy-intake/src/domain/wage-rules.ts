import { minimumWage, type WageRegion } from './minimum-wages.js';
import type { VacancyTerms } from './vacancy-terms.js';
import { violation, type Violation } from './violation.js';

// 26 working days of 8 hours: the usual monthly basis for hourly pay.
export const HOURS_PER_MONTH = 208;
// Above this an "hourly" wage is almost surely a monthly amount in the wrong field.
const MAX_PLAUSIBLE_HOURLY_VND = 1_000_000;

type WageTerms = Pick<VacancyTerms, 'wageMinVnd' | 'wageMaxVnd' | 'wagePeriod'>;

/** The wage range per month, whatever period it was stated in (what matching compares). */
export const monthlyWageRange = ({ wageMinVnd, wageMaxVnd, wagePeriod }: WageTerms) =>
  wagePeriod === 'hour'
    ? { minVnd: wageMinVnd * HOURS_PER_MONTH, maxVnd: wageMaxVnd * HOURS_PER_MONTH }
    : { minVnd: wageMinVnd, maxVnd: wageMaxVnd };

/** Wage rules: a coherent range, at least the regional minimum wage in force, a plausible period. */
export function wageViolations(terms: WageTerms, today: string, region?: WageRegion): Violation[] {
  const found: Violation[] = [];
  if (terms.wageMaxVnd < terms.wageMinVnd) {
    found.push(violation('wageMaxVnd', 'WAGE_RANGE_INVERTED', 'the maximum wage is below the minimum wage'));
  }
  const minimum = minimumWage(terms.wagePeriod, today, region);
  if (terms.wageMinVnd < minimum.amountVnd) {
    found.push(
      violation(
        'wageMinVnd',
        'WAGE_BELOW_MINIMUM',
        `${terms.wageMinVnd} VND per ${terms.wagePeriod} is below the region ${minimum.region} minimum wage of ${minimum.amountVnd} (${minimum.legalBasis})`,
      ),
    );
  }
  if (terms.wagePeriod === 'hour' && terms.wageMaxVnd > MAX_PLAUSIBLE_HOURLY_VND) {
    found.push(violation('wagePeriod', 'WAGE_PERIOD_IMPLAUSIBLE', 'an hourly wage this high looks like a monthly amount: check wagePeriod'));
  }
  return found;
}
