import { planDeliveries, type Delivery } from '../domain/plan-deliveries.js';
import type { NotificationDeps } from './deps.js';
import { carryOutDelivery, type DeferredSource } from './carry-out-delivery.js';
import type { Outgoing } from './send-on-channel.js';

/**
 * Tells a worker one thing on each channel by the rules (consent, opt-out,
 * quiet hours, withdrawal) outside the daily cap and the digest: hires and
 * job-fair messages. Returns the plan, or 'duplicate' when every channel had
 * been handled before.
 */
export async function tellWorker(deps: NotificationDeps, outgoing: Outgoing, source: DeferredSource, withdrawn = false): Promise<Delivery[] | 'duplicate'> {
  const contact = await deps.contacts.get(outgoing.notice.workerId);
  const plan = planDeliveries({ contact, now: deps.now(), quietHours: deps.quietHours, withdrawn, capped: false });
  // One channel after another: FerretDB on SQLite does not take concurrent writes well.
  let claimed = 0;
  for (const delivery of plan) {
    if (await carryOutDelivery(deps, outgoing, source, delivery, contact)) claimed += 1;
  }
  if (claimed > 0) deps.published();
  return claimed > 0 ? plan : 'duplicate';
}
