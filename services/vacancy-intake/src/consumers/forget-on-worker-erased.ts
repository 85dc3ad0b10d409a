import type { workersTopic } from '@ketnoi/contracts';
import type { EventHandler } from '@ketnoi/messaging';
import type { UseCaseContext } from '../use-cases/context.js';
import { eraseWorker } from '../use-cases/erase-worker.js';

/** worker.erased: forget the worker's hires and candidacies; the other worker events are not ours. */
export const forgetOnWorkerErased =
  (intake: () => UseCaseContext): EventHandler<typeof workersTopic> =>
  async (event, { log }) => {
    if (event.type !== 'worker.erased') return 'duplicate';
    const { workerId } = event.data;
    const { newlyErased, vacancies, candidacies } = await eraseWorker(intake(), workerId, event.id);
    log.info({ workerId, newlyErased, vacancies, candidacies }, 'worker erased');
    return newlyErased || vacancies + candidacies > 0 ? undefined : 'duplicate';
  };
