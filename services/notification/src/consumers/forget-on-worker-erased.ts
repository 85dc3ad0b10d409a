import type { workersTopic } from '@ketnoi/contracts';
import type { BatchEventHandler, BatchItemOutcome } from '@ketnoi/messaging';
import type { NotificationDeps } from '../use-cases/deps.js';
import { forgetWorker } from '../use-cases/forget-worker.js';

/** worker.erased: forget the worker's contact and inbox; the other worker events are not ours (taken a batch at a time). */
export const forgetOnWorkerErased =
  (deps: () => NotificationDeps): BatchEventHandler<typeof workersTopic> =>
  async (items, { log }) => {
    const outcomes: BatchItemOutcome[] = [];
    for (const { event } of items) {
      if (event.type !== 'worker.erased') {
        outcomes.push('duplicate');
        continue;
      }
      const { workerId } = event.data;
      const forgotten = await forgetWorker(deps(), workerId, new Date(event.data.erasedAt));
      log.info({ workerId }, 'worker erased');
      outcomes.push(forgotten ? 'ok' : 'duplicate');
    }
    return outcomes;
  };
