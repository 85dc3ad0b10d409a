import type { employersTopic } from '@ketnoi/contracts';
import type { BatchEventHandler, BatchItemOutcome } from '@ketnoi/messaging';
import type { NotificationDeps } from '../use-cases/deps.js';

/** Keeps each employer's name, to describe the job in a message, a partition's events at a time (one read, one insert, one bulk replace). */
export const projectOnEmployer =
  (deps: () => NotificationDeps): BatchEventHandler<typeof employersTopic> =>
  async (items, { log }) => {
    const applied = await deps().jobs.applyEmployers(items.map(({ event }) => event.data));
    log.debug({ employers: items.length, applied: applied.filter(Boolean).length }, 'employers projected');
    return applied.map((done): BatchItemOutcome => (done ? 'ok' : 'duplicate'));
  };
