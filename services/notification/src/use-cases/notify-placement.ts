import { unavailable } from '@ketnoi/errors';
import type { Delivery } from '../domain/plan-deliveries.js';
import type { PlacementNotice } from '../domain/placement-notice.js';
import type { NotificationDeps } from './deps.js';
import { placementOutgoing } from './outgoing.js';
import { tellWorker } from './tell-worker.js';

/**
 * Tells a worker they were hired, on each channel, by the same rules as a
 * match (consent, opt-out, quiet hours) but outside the daily cap and the
 * digest: it is the one message that matters most.
 */
export async function notifyPlacement(deps: NotificationDeps, placement: PlacementNotice): Promise<Delivery[] | 'duplicate'> {
  const job = await deps.jobs.describe(placement.vacancyId);
  // The vacancy and employer projections are fed by another consumer: wait for them.
  if (!job) throw unavailable(`vacancy ${placement.vacancyId} or its employer not projected yet`);
  return tellWorker(deps, placementOutgoing(deps, placement, job), { kind: 'placement', vacancyId: placement.vacancyId, startDate: placement.startDate });
}
