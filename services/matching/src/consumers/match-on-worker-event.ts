import type { workersTopic } from '@ketnoi/contracts';
import type { EventHandler } from '@ketnoi/messaging';
import type { MatchingService } from '../use-cases/matching-service.js';

/** workers.v1: re-match a registered or changed worker; forget an erased one. Older versions are duplicates. */
export const matchOnWorkerEvent =
  (service: () => MatchingService): EventHandler<typeof workersTopic> =>
  async (event, context) => {
    const { workerId, version } = event.data;
    const outcome =
      event.type === 'worker.erased' ? await service().eraseWorker(workerId, version) : await service().applyWorker(event.data);
    context.log.debug({ workerId, version, type: event.type, outcome }, 'worker event applied');
    return outcome === 'duplicate' ? 'duplicate' : undefined;
  };
