import { defineEvent, defineTopic } from '../define.js';
import { workerErased, workerSnapshot } from '../schemas/worker.js';
import { workerContact, workerContactErased } from '../schemas/worker-contact.js';
import { employerSnapshot } from '../schemas/employer.js';
import { vacancyClosed, vacancySnapshot } from '../schemas/vacancy.js';
import { placement, placementOutcome } from '../schemas/placement.js';
import { matchScored, matchWithdrawn } from '../schemas/match.js';
import { notificationFailed, notificationRecord } from '../schemas/notification.js';

export const workersTopic = defineTopic({
  name: 'workers.v1',
  description: 'Pseudonymous worker profiles: what matching and analytics need, no personal data.',
  key: 'workerId',
  partitions: 6,
  producer: 'registration',
  consumers: ['matching', 'analytics', 'notification', 'jobfairs', 'vacancy-intake'],
  events: [
    defineEvent('worker.registered', 'A job seeker was registered', workerSnapshot),
    defineEvent('worker.updated', 'A job seeker\'s profile changed', workerSnapshot),
    defineEvent('worker.status-changed', 'A job seeker started or stopped looking, or was placed', workerSnapshot),
    defineEvent('worker.erased', 'A worker was erased: every service forgets them', workerErased),
  ],
});

export const workerContactsTopic = defineTopic({
  name: 'worker-contacts.v1',
  description: 'How to reach a worker: name, phone, email, language and notification consent. Personal data.',
  key: 'workerId',
  partitions: 3,
  cleanupPolicy: 'compact',
  personalData: true,
  producer: 'registration',
  consumers: ['notification'],
  events: [
    defineEvent('worker-contact.updated', 'A worker\'s contact details or preferences changed', workerContact),
    defineEvent('worker-contact.erased', 'A worker\'s contact details were erased', workerContactErased),
  ],
});

export const employersTopic = defineTopic({
  name: 'employers.v1',
  description: 'Employers (business data, no personal data).',
  key: 'employerId',
  partitions: 3,
  producer: 'vacancy-intake',
  consumers: ['notification', 'analytics'],
  events: [
    defineEvent('employer.registered', 'An employer was registered', employerSnapshot),
    defineEvent('employer.updated', 'An employer changed', employerSnapshot),
  ],
});

export const vacanciesTopic = defineTopic({
  name: 'vacancies.v1',
  description: 'Vacancies and their life cycle.',
  key: 'vacancyId',
  partitions: 6,
  producer: 'vacancy-intake',
  consumers: ['matching', 'notification', 'analytics', 'jobfairs'],
  events: [
    defineEvent('vacancy.opened', 'A vacancy was opened', vacancySnapshot),
    defineEvent('vacancy.updated', 'A vacancy changed', vacancySnapshot),
    defineEvent('vacancy.closed', 'A vacancy was filled or withdrawn', vacancyClosed),
    defineEvent('vacancy.expired', 'A vacancy passed its application deadline and closed (closeReason expired)', vacancyClosed),
  ],
});

export const placementsTopic = defineTopic({
  name: 'placements.v1',
  description: 'Hires (a worker placed in a vacancy) and candidates\' outcomes before a hire.',
  key: 'vacancyId',
  partitions: 3,
  producer: 'vacancy-intake',
  consumers: ['matching', 'notification', 'analytics'],
  events: [
    defineEvent('placement.recorded', 'A hire was recorded', placement),
    defineEvent(
      'placement.outcome-recorded',
      'A candidate was shortlisted, interviewed, rejected (with a reason) or did not show up',
      placementOutcome,
    ),
  ],
});

export const matchesTopic = defineTopic({
  name: 'matches.v1',
  description: 'Changes to each vacancy\'s top-K candidates, with the score breakdown.',
  key: 'vacancyId',
  partitions: 6,
  retentionMs: 90 * 24 * 3600 * 1000,
  producer: 'matching',
  consumers: ['notification', 'analytics', 'jobfairs'],
  events: [
    defineEvent('match.proposed', 'A worker entered a vacancy\'s top-K', matchScored),
    defineEvent('match.updated', 'A match\'s score or rank changed beyond the threshold', matchScored),
    defineEvent('match.withdrawn', 'A worker left a vacancy\'s top-K', matchWithdrawn),
  ],
});

export const notificationsTopic = defineTopic({
  name: 'notifications.v1',
  description: 'What was sent to whom (by id) and through which channel; never the address.',
  key: 'recipientId',
  partitions: 3,
  retentionMs: 90 * 24 * 3600 * 1000,
  producer: 'notification',
  consumers: ['analytics'],
  events: [
    defineEvent('notification.sent', 'A notification was delivered to its channel', notificationRecord),
    defineEvent('notification.failed', 'A notification could not be delivered', notificationFailed),
  ],
});
