import { isRetriable } from '@ketnoi/errors';
import { deliveryKey, type Notice } from '../domain/notice.js';
import type { Delivery } from '../domain/plan-deliveries.js';
import type { Contact, WorkerChannel } from '../domain/types.js';
import type { DeferredDoc } from '../repositories/deferred.js';
import type { NotificationDeps } from './deps.js';
import { deferredEvent, failedEvent, sentEvent, suppressedEvent } from './notification-events.js';
import { settleUnrecorded, type Resend } from './settle-unrecorded.js';
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
  await deps.faults?.afterSend?.(`${notice.key}:${channel}`);
  const at = deps.now();
  await deps.deliveries.finish({ ...step(outgoing, channel, at), state: 'sent', events: [sentEvent(notice, channel, at)] });
  return 'sent' as const;
}

/**
 * A claim found taken: a redelivery or replay (nothing to do), unless the
 * claim is a send never recorded — the process stopped between sending and
 * recording —, which is settled now (settleUnrecorded). True when it was.
 */
export async function settleIfUnrecorded(deps: NotificationDeps, notice: Notice, channel: WorkerChannel, resend: Resend | null): Promise<boolean> {
  const { key } = notice;
  const claim = await deps.deliveries.get(key, channel);
  if (claim?.state !== 'sending' || (await deps.deliveries.outcome(key, channel))) return false;
  const settled = await settleUnrecorded(deps, notice, channel, resend);
  deps.log.warn({ notificationId: `${key}:${channel}`, settled }, 'a send never recorded (crash) was settled');
  return true;
}

/** What a deferred send needs to be worded again when its time comes (beside the notice). */
export type DeferredSource = Pick<DeferredDoc, 'kind' | 'vacancyId' | 'matchId' | 'proposedAt' | 'startDate' | 'payload'>;

/** The entry of a delivery deferred until `until`, under its claim's id, with what it needs to be worded again. */
export const deferredDoc = (notice: Notice, source: DeferredSource, channel: WorkerChannel, until: Date): DeferredDoc => ({
  _id: deliveryKey(notice.key, channel),
  ...source,
  key: notice.key,
  template: notice.template,
  workerId: notice.workerId,
  causeEventId: notice.causeEventId,
  channel,
  until,
});

/**
 * Carries out one planned delivery under its claim (`source` says how to
 * word it again if it has to wait out the quiet hours); false when the (notice,
 * channel) was claimed before, i.e. this is a redelivery or a replay.
 * The claim is written before the send: a redelivery that finds it without
 * an outcome settles it (a crash stopped the last try after the claim).
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
  // A try cut short is sent again only where the rules still send now (settleUnrecorded).
  const resend = contact ? { outgoing, contact } : null;
  if (delivery.action === 'suppress') {
    const claimed = await deps.deliveries.claim({ ...base, state: 'suppressed', events: [suppressedEvent(notice, delivery.channel, at, delivery.reason)] });
    return claimed || settleIfUnrecorded(deps, notice, delivery.channel, null);
  }
  if (delivery.action === 'defer') {
    if (!source) throw new Error(`${notice.template} cannot be deferred`);
    const claimed = await deps.deliveries.claim({ ...base, state: 'deferred', events: [deferredEvent(notice, delivery.channel, at, delivery.until)] });
    if (claimed) {
      await deps.deferred.add(deferredDoc(notice, source, delivery.channel, delivery.until));
    }
    return claimed || settleIfUnrecorded(deps, notice, delivery.channel, resend);
  }
  if (!(await deps.deliveries.claim({ ...base, state: 'sending' }))) return settleIfUnrecorded(deps, notice, delivery.channel, resend);
  await sendClaimed(deps, outgoing, delivery.channel, contact!);
  return true;
}
