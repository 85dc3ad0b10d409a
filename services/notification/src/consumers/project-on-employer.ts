import type { employersTopic } from '@ketnoi/contracts';
import type { EventHandler } from '@ketnoi/messaging';
import type { NotificationDeps } from '../use-cases/deps.js';

/** Keeps each employer's name, to describe the job in a message. */
export const projectOnEmployer =
  (deps: () => NotificationDeps): EventHandler<typeof employersTopic> =>
  async (event, context) => {
    const applied = await deps().jobs.applyEmployer(event.data);
    context.log.debug({ employerId: event.data.employerId, version: event.data.version, applied }, 'employer projected');
    return applied ? undefined : 'duplicate';
  };
