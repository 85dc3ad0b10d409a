import type { workersTopic } from '@ketnoi/contracts';
import type { EventHandler } from '@ketnoi/messaging';
import type { Projections } from '../use-cases/projections.js';

/** workers.v1: keep the worker's projection at its latest version; older versions are duplicates. */
export const projectOnWorkerEvent =
  (projections: () => Projections): EventHandler<typeof workersTopic> =>
  async (event, context) => {
    const { workerId, version } = event.data;
    const outcome =
      event.type === 'worker.erased' ? await projections().eraseWorker(event.data) : await projections().applyWorker(event.data);
    context.log.debug({ workerId, version, type: event.type, outcome }, 'worker event projected');
    return outcome === 'duplicate' ? 'duplicate' : undefined;
  };
