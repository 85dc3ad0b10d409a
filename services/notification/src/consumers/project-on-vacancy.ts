import type { vacanciesTopic } from '@ketnoi/contracts';
import type { BatchEventHandler, BatchItemOutcome } from '@ketnoi/messaging';
import type { NotificationDeps } from '../use-cases/deps.js';
import { enqueueWebhooks } from '../use-cases/enqueue-webhooks.js';

/**
 * Keeps a summary of each vacancy, to describe the job in a message, a
 * partition's events at a time (one read, one insert of the new vacancies,
 * one bulk replace of the others); an expiry goes to the employer's webhooks.
 */
export const projectOnVacancy =
  (deps: () => NotificationDeps): BatchEventHandler<typeof vacanciesTopic> =>
  async (items, { log }) => {
    const applied = await deps().jobs.applyVacancies(items.map(({ event }) => event.data));
    let expired = 0;
    for (const { event } of items) {
      if (event.type !== 'vacancy.expired') continue;
      const { vacancyId, employerId, terms } = event.data;
      await enqueueWebhooks(deps(), {
        employerId,
        type: 'vacancy.expired',
        causeId: vacancyId,
        occurredAt: new Date(event.data.updatedAt),
        data: { vacancyId, title: terms.title, deadline: terms.deadline },
      });
      expired += 1;
    }
    if (expired > 0) deps().published();
    log.debug({ vacancies: items.length, applied: applied.filter(Boolean).length, expired }, 'vacancies projected');
    return applied.map((done): BatchItemOutcome => (done ? 'ok' : 'duplicate'));
  };
