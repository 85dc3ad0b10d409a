import type { workersTopic } from '@ketnoi/contracts';
import type { BatchEventHandler, EventHandler } from '@ketnoi/messaging';
import { applyChanges, asBatchOutcome, logBatch, type BatchOutcome } from './project-batch.js';
import type { JobFairs } from '../use-cases/jobfairs.js';
import type { ProjectionChange, Projections } from '../use-cases/projections.js';

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

/**
 * The same for a batch: the snapshots between two erasures are written
 * together; an erasure is applied alone, in its place (it also rewrites the
 * worker's matches, hires and fair attendances), as above.
 */
export const projectOnWorkerBatch =
  (projections: () => Projections, jobFairs: () => JobFairs): BatchEventHandler<typeof workersTopic> =>
  async (items, context) => {
    const outcomes: BatchOutcome[] = [];
    let run: typeof items[number][] = [];
    const flush = async () => {
      outcomes.push(...(await applyChanges(run, (event): ProjectionChange | undefined => (event.type === 'worker.erased' ? undefined : { kind: 'worker', snapshot: event.data }), (changes) => projections().applyBatch(changes))));
      run = [];
    };
    for (const item of items) {
      if (item.event.type !== 'worker.erased') {
        run.push(item);
        continue;
      }
      await flush();
      const outcome = await projections().eraseWorker(item.event.data);
      const scrubbed = await jobFairs().eraseWorker(item.event.data.workerId);
      outcomes.push(scrubbed === 0 ? asBatchOutcome(outcome) : 'ok');
    }
    await flush();
    logBatch(context, 'worker', outcomes);
    return outcomes;
  };
