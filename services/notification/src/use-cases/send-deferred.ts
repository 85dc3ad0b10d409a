import { isRetriable } from '@ketnoi/errors';
import type { Logger } from 'pino';
import { planDeliveries } from '../domain/plan-deliveries.js';
import type { DeferredDoc } from '../repositories/deferred.js';
import type { NotificationDeps } from './deps.js';
import { sendClaimed } from './carry-out-delivery.js';
import { suppressedEvent } from './notification-events.js';

/** One deferred notification, when its time has come: the rules are asked again (opt-out, withdrawal). */
async function sendOne(deps: NotificationDeps, doc: DeferredDoc, log: Logger): Promise<void> {
  const { _id: id, channel, until: _until, ...notice } = doc;
  const now = deps.now();
  const contact = await deps.contacts.get(notice.workerId);
  const withdrawn = await deps.matchStates.withdrawnSince(notice.matchId, notice.proposedAt);
  const delivery = planDeliveries({ contact, now, quietHours: deps.quietHours, withdrawn, capped: false }).find((d) => d.channel === channel)!;
  if (delivery.action === 'defer') return;
  if (delivery.action === 'suppress') {
    await deps.deliveries.finish({ ...notice, channel, state: 'suppressed', at: now, events: [suppressedEvent(notice, channel, now, delivery.reason)] });
  } else {
    const job = await deps.jobs.describe(notice.vacancyId);
    if (!job) return;
    try {
      // The claim stays with the deferred entry: the next round retries it.
      await sendClaimed(deps, notice, channel, contact!, job, { release: false });
    } catch (error) {
      if (!isRetriable(error)) throw error;
      log.warn({ notificationId: id, err: error }, 'deferred notification not sent; will retry');
      return;
    }
  }
  await deps.deferred.done(id);
  log.info({ notificationId: id, action: delivery.action }, 'deferred notification handled');
}

/** Sends what waited out the quiet hours. Returns how many were looked at. */
export async function sendDeferred(deps: NotificationDeps, log: Logger, limit = 100): Promise<number> {
  const due = await deps.deferred.due(deps.now(), limit);
  for (const doc of due) await sendOne(deps, doc, log);
  if (due.length > 0) deps.published();
  return due.length;
}
