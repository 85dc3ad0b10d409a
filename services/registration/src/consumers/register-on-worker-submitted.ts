import type { ingestWorkersTopic } from '@ketnoi/contracts';
import type { EventHandler } from '@ketnoi/messaging';
import type { RegistrationDeps } from '../use-cases/deps.js';
import { registerWorker } from '../use-cases/register-worker.js';
import { withdrawWorker } from '../use-cases/withdraw-worker.js';

/**
 * Workers from the centre's desks and systems: the same validation as HTTP;
 * a person already known by citizen-ID is updated, never registered twice.
 * A message that changes nothing is a duplicate.
 */
export const registerOnWorkerSubmitted =
  (deps: () => RegistrationDeps): EventHandler<typeof ingestWorkersTopic> =>
  async (event, context) => {
    const actor = { id: `ingest:${event.source}` };
    if (event.type === 'worker.withdrawn') {
      const { changed } = await withdrawWorker(deps(), event.data.citizenId, actor);
      return changed ? undefined : 'duplicate';
    }
    const { outcome, worker } = await registerWorker(deps(), event.data.profile, actor, {
      ifKnown: 'update',
      externalRef: event.data.externalRef,
    });
    context.log.info({ workerId: worker.id, version: worker.version, outcome }, 'worker submitted');
    return outcome === 'unchanged' ? 'duplicate' : undefined;
  };
