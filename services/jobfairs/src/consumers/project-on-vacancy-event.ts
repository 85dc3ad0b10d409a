import type { TopicEvent, vacanciesTopic } from '@ketnoi/contracts';
import type { BatchEventHandler } from '@ketnoi/messaging';
import type { Projections, VacancyView } from '../repositories/projections.js';
import { projectBatch } from './project-batch.js';

const vacancyView = ({ data: v }: TopicEvent<typeof vacanciesTopic>): VacancyView => ({
  vacancyId: v.vacancyId,
  version: v.version,
  employerId: v.employerId,
  title: v.terms.title,
  status: v.status,
});

/**
 * vacancies.v1: keep each vacancy's employer, title and status (booths offer
 * only their employer's vacancies); a batch's versions saved in one insert.
 */
export const projectOnVacancyBatch = (projections: () => Projections): BatchEventHandler<typeof vacanciesTopic> =>
  projectBatch(projections, (event) => ({ kind: 'vacancy', view: vacancyView(event) }), 'vacancy');
