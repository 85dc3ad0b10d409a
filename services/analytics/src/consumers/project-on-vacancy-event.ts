import type { vacanciesTopic } from '@ketnoi/contracts';
import type { BatchEventHandler } from '@ketnoi/messaging';
import { projectBatch } from './project-batch.js';
import type { Projections } from '../use-cases/projections.js';

/** vacancies.v1: keep the vacancy's projection at its latest version; older versions are duplicates. A batch's vacancies are written together. */
export const projectOnVacancyBatch = (projections: () => Projections): BatchEventHandler<typeof vacanciesTopic> =>
  projectBatch(projections, (event) => ({ kind: 'vacancy', snapshot: event.data }), 'vacancy');
