import type { WorkerContact, workerContactsTopic } from '@ketnoi/contracts';
import type { BatchEventHandler, BatchItemOutcome } from '@ketnoi/messaging';
import type { NotificationDeps } from '../use-cases/deps.js';
import { forgetWorker } from '../use-cases/forget-worker.js';

/**
 * Keeps how to reach each worker, a partition's events at a time: the contact
 * versions between two erasures are applied together (one read, one bulk
 * write); an erased contact is forgotten with its inbox, in its place in the
 * order, so a later contact event cannot bring it back.
 */
export const projectOnWorkerContact =
  (deps: () => NotificationDeps): BatchEventHandler<typeof workerContactsTopic> =>
  async (items, { log }) => {
    const outcomes: BatchItemOutcome[] = [];
    let run: WorkerContact[] = [];
    const applyRun = async () => {
      if (run.length === 0) return;
      const applied = await deps().contacts.applyMany(run);
      outcomes.push(...applied.map((done): BatchItemOutcome => (done ? 'ok' : 'duplicate')));
      log.debug({ contacts: run.length, applied: applied.filter(Boolean).length }, 'worker contacts projected');
      run = [];
    };
    for (const { event } of items) {
      if (event.type !== 'worker-contact.erased') {
        run.push(event.data);
        continue;
      }
      await applyRun();
      const { workerId } = event.data;
      const forgotten = await forgetWorker(deps(), workerId, new Date(event.data.erasedAt));
      log.info({ workerId }, 'worker contact erased');
      outcomes.push(forgotten ? 'ok' : 'duplicate');
    }
    await applyRun();
    return outcomes;
  };
