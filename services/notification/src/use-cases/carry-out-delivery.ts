import { isRetriable } from '@ketnoi/errors';
import type { MatchNotice } from '../domain/match-notice.js';
import type { Delivery } from '../domain/plan-deliveries.js';
import type { Contact, JobSummary, WorkerChannel } from '../domain/types.js';
import type { NotificationDeps } from './deps.js';
import { deferredEvent, failedEvent, sentEvent, suppressedEvent } from './notification-events.js';
import { sendOnChannel } from './send-on-channel.js';

const step = (notice: MatchNotice, channel: WorkerChannel, at: Date) => ({
  matchId: notice.matchId,
  workerId: notice.workerId,
  channel,
  at,
});

/**
 * Sends a claimed notification and records the outcome with its event. A
 * failure worth retrying gives the claim back and rethrows, so the consumer
 * (or the scheduler) tries again; any other failure is final and recorded.
 */
export async function sendClaimed(
  deps: NotificationDeps,
  notice: MatchNotice,
  channel: WorkerChannel,
  contact: Contact,
  job: JobSummary,
  { release = true } = {},
) {
  try {
    await sendOnChannel(deps, notice, channel, contact, job);
  } catch (error) {
    if (isRetriable(error)) {
      if (release) await deps.deliveries.release(notice.matchId, channel);
      throw error;
    }
    const at = deps.now();
    await deps.deliveries.finish({ ...step(notice, channel, at), state: 'failed', events: [failedEvent(notice, channel, at, (error as Error).message)] });
    return 'failed' as const;
  }
  const at = deps.now();
  await deps.deliveries.finish({ ...step(notice, channel, at), state: 'sent', events: [sentEvent(notice, channel, at)] });
  return 'sent' as const;
}

/**
 * Carries out one planned delivery under its claim; false when the (match,
 * channel) was claimed before, i.e. this is a redelivery or a replay.
 * A crash between claim and send loses that one message rather than risk
 * sending it twice.
 */
export async function carryOutDelivery(
  deps: NotificationDeps,
  notice: MatchNotice,
  delivery: Delivery,
  contact: Contact | null,
  job: JobSummary | null,
): Promise<boolean> {
  const at = deps.now();
  const base = step(notice, delivery.channel, at);
  if (delivery.action === 'suppress') {
    return deps.deliveries.claim({ ...base, state: 'suppressed', events: [suppressedEvent(notice, delivery.channel, at, delivery.reason)] });
  }
  if (delivery.action === 'defer') {
    const claimed = await deps.deliveries.claim({ ...base, state: 'deferred', events: [deferredEvent(notice, delivery.channel, at, delivery.until)] });
    if (claimed) {
      await deps.deferred.add({ _id: `${notice.matchId}:${delivery.channel}`, ...notice, channel: delivery.channel, until: delivery.until });
    }
    return claimed;
  }
  if (!(await deps.deliveries.claim({ ...base, state: 'sending' }))) return false;
  await sendClaimed(deps, notice, delivery.channel, contact!, job!);
  return true;
}
