import type { workersTopic } from '@ketnoi/contracts';
import type { EventHandler } from '@ketnoi/messaging';
import type { JobFairs } from '../use-cases/jobfairs.js';
import type { Projections } from '../use-cases/projections.js';

/**
 * workers.v1: keep the worker's projection at its latest version; older
 * versions are duplicates. An erasure also drops the worker's id from their
 * fair attendances — even on a redelivery, in case the first try stopped
 * between the two.
 */
export const projectOnWorkerEvent =
  (projections: () => Projections, jobFairs: () => JobFairs): EventHandler<typeof workersTopic> =>
  async (event, context) => {
    const { workerId, version } = event.data;
    const outcome =
      event.type === 'worker.erased' ? await projections().eraseWorker(event.data) : await projections().applyWorker(event.data);
    const scrubbed = event.type === 'worker.erased' ? await jobFairs().eraseWorker(workerId) : 0;
    context.log.debug({ workerId, version, type: event.type, outcome, ...(scrubbed > 0 ? { fairAttendances: scrubbed } : {}) }, 'worker event projected');
    return outcome === 'duplicate' && scrubbed === 0 ? 'duplicate' : undefined;
  };
