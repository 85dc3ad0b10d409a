import type { jobFairsTopic } from '@ketnoi/contracts';
import type { EventHandler } from '@ketnoi/messaging';
import { statusOfOutcome } from '../domain/apply-jobfair.js';
import type { JobFairs } from '../use-cases/jobfairs.js';
import type { ApplyOutcome } from '../use-cases/projections.js';

/**
 * jobfairs.v1: fairs, booths, registrations, check-ins, interviews and their
 * outcomes, for the fair report. Consent and reminders change no count.
 */
export const countOnJobFairEvent =
  (jobFairs: () => JobFairs): EventHandler<typeof jobFairsTopic> =>
  async (event, context) => {
    const fairs = jobFairs();
    let outcome: ApplyOutcome | 'ignored';
    switch (event.type) {
      case 'jobfair.scheduled':
      case 'jobfair.updated':
      case 'jobfair.cancelled':
        outcome = await fairs.applyFair(event.data);
        break;
      case 'jobfair.booth-registered':
        outcome = await fairs.applyBooth(event.data);
        break;
      case 'jobfair.worker-registered': {
        const { fairId, workerId, priority, registeredAt } = event.data;
        outcome = await fairs.applyAttendee({ kind: 'registered', fairId, workerId, priority, at: registeredAt });
        break;
      }
      case 'jobfair.checked-in': {
        const { fairId, workerId, priority, checkedInAt } = event.data;
        outcome = await fairs.applyAttendee({ kind: 'checked-in', fairId, workerId, priority, at: checkedInAt });
        break;
      }
      case 'jobfair.interview.scheduled':
      case 'jobfair.interview.cancelled': {
        const { interviewId, fairId, version, boothId, workerId } = event.data;
        const status = event.type === 'jobfair.interview.scheduled' ? 'scheduled' : 'cancelled';
        outcome = await fairs.applyInterview({ interviewId, fairId, version, boothId, workerId, status });
        break;
      }
      case 'jobfair.outcome-recorded':
        outcome = await fairs.applyOutcome(event.data, statusOfOutcome(event.data.outcome));
        break;
      default:
        outcome = 'ignored';
    }
    context.log.debug({ fairId: event.data.fairId, type: event.type, outcome }, 'job fair event projected');
    return outcome === 'duplicate' ? 'duplicate' : undefined;
  };
