import type { vacanciesTopic } from '@ketnoi/contracts';
import type { BatchEventHandler, EventHandler } from '@ketnoi/messaging';
import { projectBatch } from './project-batch.js';
import type { Projections } from '../use-cases/projections.js';

/** vacancies.v1: keep the vacancy's projection at its latest version; older versions are duplicates. */
export const projectOnVacancyEvent =
  (projections: () => Projections): EventHandler<typeof vacanciesTopic> =>
  async (event, context) => {
    const { vacancyId, version } = event.data;
    const outcome = await projections().applyVacancy(event.data);
    context.log.debug({ vacancyId, version, type: event.type, outcome }, 'vacancy event projected');
    return outcome === 'duplicate' ? 'duplicate' : undefined;
  };

/** The same for a batch: its vacancies written together. */
export const projectOnVacancyBatch = (projections: () => Projections): BatchEventHandler<typeof vacanciesTopic> =>
  projectBatch(projections, (event) => ({ kind: 'vacancy', snapshot: event.data }), 'vacancy');
