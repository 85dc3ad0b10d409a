import { defineEvent, defineTopic } from '../define.js';
import { vacancySubmission } from '../schemas/ingest.js';
import { workerSubmission, workerWithdrawal } from '../schemas/worker-profile.js';

export const ingestWorkersTopic = defineTopic({
  name: 'ingest.workers.v1',
  description: 'Workers sent by the centre\'s desks and systems. Personal data; rejected messages go to its .dlq twin.',
  key: 'externalRef',
  partitions: 3,
  retentionMs: 14 * 24 * 3600 * 1000,
  personalData: true,
  producer: 'external',
  consumers: ['registration'],
  events: [
    defineEvent('worker.registered', 'Register a worker, or update the one with the same citizen-ID', workerSubmission),
    defineEvent('worker.updated', 'Update the worker with this citizen-ID, or register them if unknown', workerSubmission),
    defineEvent('worker.withdrawn', 'The worker no longer seeks work through the centre', workerWithdrawal),
  ],
});

export const ingestVacanciesTopic = defineTopic({
  name: 'ingest.vacancies.v1',
  description: 'Vacancies sent by other systems (e.g. an industrial-park board); rejected messages go to its .dlq twin.',
  key: 'externalRef',
  partitions: 3,
  retentionMs: 14 * 24 * 3600 * 1000,
  producer: 'external',
  consumers: ['vacancy-intake'],
  events: [defineEvent('vacancy.submitted', 'Open a vacancy, or update the one with the same external reference', vacancySubmission)],
});
