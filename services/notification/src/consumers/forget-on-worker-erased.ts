import type { workersTopic } from '@ketnoi/contracts';
import type { EventHandler } from '@ketnoi/messaging';
import type { NotificationDeps } from '../use-cases/deps.js';

/** worker.erased: forget the worker's contact and inbox; the other worker events are not ours. */
export const forgetOnWorkerErased =
  (deps: () => NotificationDeps): EventHandler<typeof workersTopic> =>
  async (event, context) => {
    if (event.type !== 'worker.erased') return 'duplicate';
    const { workerId } = event.data;
    const forgotten = await deps().contacts.erase(workerId, new Date(event.data.erasedAt));
    await deps().inbox.forget(workerId);
    await deps().preferences.forget(workerId);
    await deps().digests.forget(workerId);
    context.log.info({ workerId }, 'worker erased');
    return forgotten ? undefined : 'duplicate';
  };
