import type { vacanciesTopic } from '@ketnoi/contracts';
import type { BatchEventHandler } from '@ketnoi/messaging';
import type { MatchingService } from '../use-cases/matching-service.js';
import { outcomesOf } from './outcomes.js';

/** vacancies.v1, a batch at a time: (re)compute opened or changed vacancies' top-K; a closed one withdraws all of it. */
export const matchOnVacancyEvent =
  (service: () => MatchingService): BatchEventHandler<typeof vacanciesTopic> =>
  async (items, context) => {
    const outcomes = await service().applyBatch(items.map(({ event }) => ({ kind: 'vacancy', snapshot: event.data })));
    return outcomesOf(outcomes, context.log, 'vacancy events applied');
  };
