import type { jobFairsTopic, TopicEvent } from '@ketnoi/contracts';
import type { BatchEventHandler, EventHandler } from '@ketnoi/messaging';
import { statusOfOutcome } from '../domain/apply-jobfair.js';
import type { JobFairChange, JobFairs } from '../use-cases/jobfairs.js';
import type { ApplyOutcome } from '../use-cases/projections.js';
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

/** Applies one change the way the event-at-a-time path always did (one replace by `_id`). */
function applyOne(fairs: JobFairs, change: JobFairChange): Promise<ApplyOutcome> {
  switch (change.kind) {
    case 'fair':
      return fairs.applyFair(change.snapshot);
    case 'booth':
      return fairs.applyBooth(change.booth);
    case 'attendee':
      return fairs.applyAttendee(change.event);
    case 'interview':
      return fairs.applyInterview(change.change);
  }
}

/**
 * jobfairs.v1: fairs, booths, registrations, check-ins, interviews and their
 * outcomes, for the fair report. Consent and reminders change no count.
 */
export const countOnJobFairEvent =
  (jobFairs: () => JobFairs): EventHandler<typeof jobFairsTopic> =>
  async (event, context) => {
    const change = fairChangeOf(event);
    const outcome: ApplyOutcome | 'ignored' = change ? await applyOne(jobFairs(), change) : 'ignored';
    context.log.debug({ fairId: event.data.fairId, type: event.type, outcome }, 'job fair event projected');
    return outcome === 'duplicate' ? 'duplicate' : undefined;
  };

/** The same for a batch: its documents written together (`JobFairs.applyBatch`). */
export const countOnJobFairBatch =
  (jobFairs: () => JobFairs): BatchEventHandler<typeof jobFairsTopic> =>
  async (items, context) => {
    const outcomes = await applyChanges(items, fairChangeOf, (changes) => jobFairs().applyBatch(changes));
    logBatch(context, 'job fair', outcomes);
    return outcomes;
  };
