import type { jobFairsTopic, TopicEvent } from '@ketnoi/contracts';
import type { BatchEventHandler } from '@ketnoi/messaging';
import { statusOfOutcome } from '../domain/apply-jobfair.js';
import type { JobFairChange, JobFairs } from '../use-cases/jobfairs.js';
import { applyChanges, logBatch } from './project-batch.js';

type FairEvent = TopicEvent<typeof jobFairsTopic>;

/** The change a fair event makes; consent and reminders make none. */
export function fairChangeOf(event: FairEvent): JobFairChange | undefined {
  switch (event.type) {
    case 'jobfair.scheduled':
    case 'jobfair.updated':
    case 'jobfair.cancelled':
      return { kind: 'fair', snapshot: event.data };
    case 'jobfair.booth-registered':
      return { kind: 'booth', booth: event.data };
    case 'jobfair.worker-registered': {
      const { fairId, workerId, priority, registeredAt } = event.data;
      return { kind: 'attendee', event: { kind: 'registered', fairId, workerId, priority, at: registeredAt } };
    }
    case 'jobfair.checked-in': {
      const { fairId, workerId, priority, checkedInAt } = event.data;
      return { kind: 'attendee', event: { kind: 'checked-in', fairId, workerId, priority, at: checkedInAt } };
    }
    case 'jobfair.interview.scheduled':
    case 'jobfair.interview.cancelled': {
      const { interviewId, fairId, version, boothId, workerId } = event.data;
      const status = event.type === 'jobfair.interview.scheduled' ? 'scheduled' : 'cancelled';
      return { kind: 'interview', change: { interviewId, fairId, version, boothId, workerId, status } };
    }
    case 'jobfair.outcome-recorded': {
      const { interviewId, fairId, version, boothId, workerId, placementId, priority } = event.data;
      const status = statusOfOutcome(event.data.outcome);
      return { kind: 'interview', change: { interviewId, fairId, version, boothId, workerId, status, priority, ...(placementId === undefined ? {} : { placementId }) } };
    }
    default:
      return undefined;
  }
}

/**
 * jobfairs.v1: fairs, booths, registrations, check-ins, interviews and their
 * outcomes, for the fair report. Consent and reminders change no count. A
 * batch's documents are written together (`JobFairs.applyBatch`).
 */
export const countOnJobFairBatch =
  (jobFairs: () => JobFairs): BatchEventHandler<typeof jobFairsTopic> =>
  async (items, context) => {
    const outcomes = await applyChanges(items, fairChangeOf, (changes) => jobFairs().applyBatch(changes));
    logBatch(context, 'job fair', outcomes);
    return outcomes;
  };
