import type { vacanciesTopic } from '@ketnoi/contracts';
import type { EventHandler } from '@ketnoi/messaging';
import type { MatchingService } from '../use-cases/matching-service.js';

/** vacancies.v1: (re)compute an opened or changed vacancy's top-K; a closed one withdraws all of it. */
export const matchOnVacancyEvent =
  (service: () => MatchingService): EventHandler<typeof vacanciesTopic> =>
  async (event, context) => {
    const { vacancyId, version } = event.data;
    const outcome = await service().applyVacancy(event.data);
    context.log.debug({ vacancyId, version, type: event.type, outcome }, 'vacancy event applied');
    return outcome === 'duplicate' ? 'duplicate' : undefined;
  };
