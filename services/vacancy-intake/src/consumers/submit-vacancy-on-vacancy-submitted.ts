import type { ingestVacanciesTopic, TopicEvent } from '@ketnoi/contracts';
import { KetNoiError } from '@ketnoi/errors';
import type { HandlerContext } from '@ketnoi/messaging';
import { checkTaxCode } from '../domain/tax-code.js';
import type { UseCaseContext } from '../use-cases/context.js';
import { submitVacancy } from '../use-cases/submit-vacancy.js';

type VacancySubmitted = Extract<TopicEvent<typeof ingestVacanciesTopic>, { type: 'vacancy.submitted' }>;

/** ingest.vacancies.v1 → a vacancy, with the rules HTTP applies; a refusal is dead-lettered with its reason. */
export async function submitVacancyOnVacancySubmitted(
  intake: UseCaseContext,
  event: VacancySubmitted,
  { log }: HandlerContext,
): Promise<void | 'duplicate'> {
  const { externalRef, employerTaxCode, terms } = event.data;
  const tax = checkTaxCode(employerTaxCode);
  if (!tax.ok) throw new KetNoiError('TAX_CODE_INVALID', tax.reason, { status: 422 });
  // Only the id: submitVacancy reads the employer (and checks it is active) itself.
  const employerId = await intake.stores.taxCodes.ownerOf(employerTaxCode);
  if (employerId === undefined) throw new KetNoiError('EMPLOYER_UNKNOWN', `No employer is registered with tax code ${employerTaxCode}`, { status: 422 });
  const result = await submitVacancy(intake, { employerId, terms, source: event.source, externalRef });
  log.info({ externalRef, vacancyId: result.vacancyId, outcome: result.outcome }, 'vacancy submission applied');
  return result.outcome === 'unchanged' ? 'duplicate' : undefined;
}
