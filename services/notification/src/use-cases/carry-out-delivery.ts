import { isRetriable } from '@ketnoi/errors';
import type { Delivery } from '../domain/plan-deliveries.js';
import type { Contact, WorkerChannel } from '../domain/types.js';
import type { DeferredDoc } from '../repositories/deferred.js';
import type { NotificationDeps } from './deps.js';
import { deferredEvent, failedEvent, sentEvent, suppressedEvent } from './notification-events.js';
import { sendOnChannel, type Outgoing } from './send-on-channel.js';

const step = (outgoing: Outgoing, channel: WorkerChannel, at: Date) => ({
  matchId: outgoing.notice.key,
  workerId: outgoing.notice.workerId,
  channel,
  at,
});

/**
 * Sends a claimed notification and records the outcome with its event. A
 * failure worth retrying gives the claim back and rethrows, so the consumer
 * (or the scheduler) tries again; any other failure is final and recorded.
 */
export async function sendClaimed(deps: NotificationDeps, outgoing: Outgoing, channel: WorkerChannel, contact: Contact, { release = true } = {}) {
  const { notice } = outgoing;
  try {
    await sendOnChannel(deps, outgoing, channel, contact);
  } catch (error) {
    if (isRetriable(error)) {
      if (release) await deps.deliveries.release(notice.key, channel);
      throw error;
    }
    const at = deps.now();
    await deps.deliveries.finish({ ...step(outgoing, channel, at), state: 'failed', events: [failedEvent(notice, channel, at, (error as Error).message)] });
    return 'failed' as const;
  }
  const at = deps.now();
  await deps.deliveries.finish({ ...step(outgoing, channel, at), state: 'sent', events: [sentEvent(notice, channel, at)] });
  return 'sent' as const;
}

/** What a deferred send needs to be worded again when its time comes (beside the notice). */
export type DeferredSource = Pick<DeferredDoc, 'kind' | 'vacancyId' | 'matchId' | 'proposedAt' | 'startDate' | 'payload'>;

/**
 * Carries out one planned delivery under its claim (`source` says how to
 * word it again if it has to wait out the quiet hours); false when the (notice,
 * channel) was claimed before, i.e. this is a redelivery or a replay.
 * A crash between claim and send loses that one message rather than risk
 * sending it twice.
 */
export async function carryOutDelivery(
  deps: NotificationDeps,
  outgoing: Outgoing,
  source: DeferredSource | null,
  delivery: Delivery,
  contact: Contact | null,
): Promise<boolean> {
  const { notice } = outgoing;
  const at = deps.now();
  const base = step(outgoing, delivery.channel, at);
  if (delivery.action === 'suppress') {
    return deps.deliveries.claim({ ...base, state: 'suppressed', events: [suppressedEvent(notice, delivery.channel, at, delivery.reason)] });
  }
  if (delivery.action === 'defer') {
    if (!source) throw new Error(`${notice.template} cannot be deferred`);
    const claimed = await deps.deliveries.claim({ ...base, state: 'deferred', events: [deferredEvent(notice, delivery.channel, at, delivery.until)] });
    if (claimed) {
      await deps.deferred.add({
        _id: `${notice.key}:${delivery.channel}`,
        ...source,
        key: notice.key,
        template: notice.template,
        workerId: notice.workerId,
        causeEventId: notice.causeEventId,
        channel: delivery.channel,
        until: delivery.until,
      });
    }
    return claimed;
  }
  if (!(await deps.deliveries.claim({ ...base, state: 'sending' }))) return false;
  await sendClaimed(deps, outgoing, delivery.channel, contact!);
  return true;
}
