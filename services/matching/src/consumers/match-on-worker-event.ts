import type { workersTopic } from '@ketnoi/contracts';
import type { BatchEventHandler } from '@ketnoi/messaging';
import type { MatchingEvent } from '../use-cases/matching-event.js';
import type { MatchingService } from '../use-cases/matching-service.js';
import { outcomesOf } from './outcomes.js';

/** workers.v1, a batch at a time: re-match registered or changed workers; forget erased ones. Older versions are duplicates. */
export const matchOnWorkerEvent =
  (service: () => MatchingService): BatchEventHandler<typeof workersTopic> =>
  async (items, context) => {
    const events = items.map(({ event }): MatchingEvent =>
      event.type === 'worker.erased'
        ? { kind: 'worker-erased', workerId: event.data.workerId, version: event.data.version }
        : { kind: 'worker', snapshot: event.data },
    );
    return outcomesOf(await service().applyBatch(events), context.log, 'worker events applied');
  };
