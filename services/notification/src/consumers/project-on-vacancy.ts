import type { vacanciesTopic } from '@ketnoi/contracts';
import type { EventHandler } from '@ketnoi/messaging';
import type { NotificationDeps } from '../use-cases/deps.js';
import { enqueueWebhooks } from '../use-cases/enqueue-webhooks.js';

/** Keeps a summary of each vacancy, to describe the job in a message; an expiry goes to the employer's webhooks. */
export const projectOnVacancy =
  (deps: () => NotificationDeps): EventHandler<typeof vacanciesTopic> =>
  async (event, context) => {
    const applied = await deps().jobs.applyVacancy(event.data);
    if (event.type === 'vacancy.expired') {
      const { vacancyId, employerId, terms } = event.data;
      await enqueueWebhooks(deps(), {
        employerId,
        type: 'vacancy.expired',
        causeId: vacancyId,
        occurredAt: new Date(event.data.updatedAt),
        data: { vacancyId, title: terms.title, deadline: terms.deadline },
      });
      deps().published();
    }
    context.log.debug({ vacancyId: event.data.vacancyId, version: event.data.version, applied }, 'vacancy projected');
    return applied ? undefined : 'duplicate';
  };
