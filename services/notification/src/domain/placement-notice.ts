import { dateText, placeText } from './job-variables.js';
import type { JobSummary, Language } from './types.js';

/** A hire to tell the worker about. */
export interface PlacementNotice {
  placementId: string;
  workerId: string;
  vacancyId: string;
  startDate?: string | undefined;
  causeEventId: string;
}

export const PLACEMENT_TEMPLATE = 'placement-recorded';

/** The variables of the placement message; `start` is empty when no start date was given. */
export const placementVariables = (job: JobSummary, startDate: string | undefined, language: Language) => ({
  title: job.title,
  employer: job.employerName,
  place: placeText(job, language),
  start: startDate ? dateText(startDate) : '',
});
export type PlacementVariables = ReturnType<typeof placementVariables>;

export const placementProbe: PlacementVariables = { title: 't', employer: 'e', place: 'p', start: 's' };
