import type { workersTopic } from '@ketnoi/contracts';
import type { BatchEventHandler } from '@ketnoi/messaging';
import { applyChanges, asBatchOutcome, logBatch, type BatchOutcome } from './project-batch.js';
import type { JobFairs } from '../use-cases/jobfairs.js';
import type { ProjectionChange, Projections } from '../use-cases/projections.js';

/**
 * workers.v1: keep the worker's projection at its latest version; older
 * versions are duplicates. The snapshots of a batch between two erasures are
 * written together; an erasure is applied alone, in its place: it also
 * rewrites the worker's matches and hires and drops the worker's id from their
 * fair attendances — even on a redelivery, in case the first try stopped
 * between the two.
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
