import type { vacanciesTopic } from '@ketnoi/contracts';
import type { EventHandler } from '@ketnoi/messaging';
import type { Projections } from '../repositories/projections.js';

/** vacancies.v1: keep each vacancy's employer, title and status (booths offer only their employer's vacancies). */
export const projectOnVacancyEvent =
  (projections: () => Projections): EventHandler<typeof vacanciesTopic> =>
  async (event, context) => {
    const v = event.data;
    const applied = await projections().putVacancy({
      vacancyId: v.vacancyId,
      version: v.version,
      employerId: v.employerId,
      title: v.terms.title,
      status: v.status,
    });
    context.log.debug({ vacancyId: v.vacancyId, version: v.version, applied }, 'vacancy projected');
    return applied ? undefined : 'duplicate';
  };
