import { defineEvent, defineTopic } from '../define.js';
import {
  jobFairBooth,
  jobFairCheckedIn,
  jobFairConsentShared,
  jobFairInterview,
  jobFairInterviewCancelled,
  jobFairOutcome,
  jobFairReminder,
  jobFairSnapshot,
  jobFairWorkerRegistered,
} from '../schemas/jobfair.js';

export const jobFairsTopic = defineTopic({
  name: 'jobfairs.v1',
  description:
    'Job fairs: sessions, booths, registrations, interviews (with the display fields a notification needs), reminders, check-ins and outcomes. Pseudonymous: workers by id only.',
  key: 'fairId',
  partitions: 3,
  producer: 'jobfairs',
  consumers: ['notification', 'analytics'],
  events: [
    defineEvent('jobfair.scheduled', 'A job fair was scheduled', jobFairSnapshot),
    defineEvent('jobfair.updated', 'A job fair\'s date, place, link or capacity changed', jobFairSnapshot),
    defineEvent('jobfair.cancelled', 'A job fair was cancelled', jobFairSnapshot),
    defineEvent('jobfair.booth-registered', 'An employer registered a booth with vacancies', jobFairBooth),
    defineEvent('jobfair.worker-registered', 'A worker registered for a fair (by staff or self-service)', jobFairWorkerRegistered),
    defineEvent('jobfair.consent-shared', 'A worker agreed to show their profile to the fair\'s employers', jobFairConsentShared),
    defineEvent('jobfair.interview.scheduled', 'An interview slot was booked for a worker: an invitation to send', jobFairInterview),
    defineEvent('jobfair.interview.cancelled', 'A booked interview was cancelled', jobFairInterviewCancelled),
    defineEvent('jobfair.reminder', 'Remind a worker of a fair or an interview', jobFairReminder),
    defineEvent('jobfair.checked-in', 'A registered worker checked in at the fair', jobFairCheckedIn),
    defineEvent(
      'jobfair.outcome-recorded',
      'An interview was held, missed, led to an offer or to a hire (a hire is also on placements.v1)',
      jobFairOutcome,
    ),
  ],
});
