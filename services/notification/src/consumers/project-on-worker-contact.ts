import type { workerContactsTopic } from '@ketnoi/contracts';
import type { EventHandler } from '@ketnoi/messaging';
import type { NotificationDeps } from '../use-cases/deps.js';

/** Keeps how to reach each worker; an erased contact is forgotten with its inbox. */
export const projectOnWorkerContact =
  (deps: () => NotificationDeps): EventHandler<typeof workerContactsTopic> =>
  async (event, context) => {
    const { workerId, version } = event.data;
    if (event.type === 'worker-contact.erased') {
      const forgotten = await deps().contacts.erase(workerId, new Date(event.data.erasedAt));
      await deps().inbox.forget(workerId);
      await deps().preferences.forget(workerId);
      await deps().digests.forget(workerId);
      context.log.info({ workerId }, 'worker contact erased');
      return forgotten ? undefined : 'duplicate';
    }
    const applied = await deps().contacts.apply(event.data);
    context.log.debug({ workerId, version, applied }, 'worker contact projected');
    return applied ? undefined : 'duplicate';
  };
