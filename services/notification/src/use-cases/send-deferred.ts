import { jobFairInterview, jobFairReminder } from '@ketnoi/contracts';
import { isRetriable } from '@ketnoi/errors';
import type { Logger } from 'pino';
import { interviewStateKey } from '../domain/jobfair-notice.js';
import { planDeliveries } from '../domain/plan-deliveries.js';
import type { Contact, WorkerChannel } from '../domain/types.js';
import type { DeferredDoc } from '../repositories/deferred.js';
import type { NotificationDeps } from './deps.js';
import { sendClaimed } from './carry-out-delivery.js';
import { settleUnrecorded } from './settle-unrecorded.js';
import { suppressedEvent } from './notification-events.js';
import { invitationOutgoing, matchOutgoing, placementOutgoing, reminderOutgoing } from './outgoing.js';
import type { Outgoing } from './send-on-channel.js';

/** The message of a deferred notification, worded again now; null while its vacancy is not known. */
async function outgoingOf(deps: NotificationDeps, doc: DeferredDoc): Promise<Outgoing | null> {
  if (doc.kind === 'jobfair-invitation') return invitationOutgoing(deps, jobFairInterview.parse(doc.payload), doc.causeEventId);
  if (doc.kind === 'jobfair-reminder') return reminderOutgoing(deps, jobFairReminder.parse(doc.payload), doc.causeEventId);
  const job = await deps.jobs.describe(doc.vacancyId!);
  if (!job) return null;
  if (doc.kind === 'placement') {
    const placementId = doc.key.slice('placement:'.length);
    return placementOutgoing(deps, { placementId, workerId: doc.workerId, vacancyId: doc.vacancyId!, startDate: doc.startDate, causeEventId: doc.causeEventId ?? '' }, job);
  }
  return matchOutgoing(deps, { matchId: doc.matchId!, workerId: doc.workerId, vacancyId: doc.vacancyId!, causeEventId: doc.causeEventId ?? '', proposedAt: doc.proposedAt! }, job);
}

/** A match withdrawn or placed, or an interview cancelled, since the message was planned. */
async function withdrawnSince(deps: NotificationDeps, doc: DeferredDoc): Promise<boolean> {
  if (doc.kind === 'placement') return false;
  if (doc.kind === 'jobfair-invitation' || doc.kind === 'jobfair-reminder') {
    const { interviewId, at } = doc.payload as { interviewId?: string; at: string };
    return interviewId !== undefined && deps.matchStates.withdrawnSince(interviewStateKey(interviewId), new Date(at));
  }
  return deps.matchStates.withdrawnSince(doc.matchId!, doc.proposedAt!);
}

/**
 * The deferred send under a mark of its own (its claim says `deferred`): an
 * outcome already recorded is not sent again, and a mark without an outcome
 * (a crash between send and record) is settled like a consumer's claim.
 */
async function sendOnceMarked(deps: NotificationDeps, outgoing: Outgoing, channel: WorkerChannel, contact: Contact, log: Logger): Promise<void> {
  const { key, workerId } = outgoing.notice;
  if (await deps.deliveries.outcome(key, channel)) return;
  if (!(await deps.deliveries.markSending(key, workerId, channel, deps.now()))) {
    const settled = await settleUnrecorded(deps, outgoing.notice, channel, { outgoing, contact });
    log.warn({ notificationId: `${key}:${channel}`, settled }, 'a deferred send never recorded (crash) was settled');
    return;
  }
  try {
    // The claim stays with the deferred entry: a later round retries it.
    await sendClaimed(deps, outgoing, channel, contact, { release: false });
  } catch (error) {
    if (isRetriable(error)) await deps.deliveries.unmarkSending(key, channel);
    throw error;
  }
}

const leaseItem = (doc: DeferredDoc) => `deferred:${doc._id}:${doc.until.getTime()}`;

/** One deferred notification, when its time has come, under its lease: the rules are asked again (opt-out, withdrawal). */
async function sendOne(deps: NotificationDeps, seen: DeferredDoc, log: Logger): Promise<void> {
  const now = deps.now();
  if (!(await deps.leases.take(leaseItem(seen), now))) return;
  // Read again under the lease: another instance may have sent or postponed it since the scan.
  const doc = await deps.deferred.get(seen._id);
  if (!doc || doc.until.getTime() !== seen.until.getTime()) return;
  const { channel } = doc;
  const notice = { key: doc.key ?? doc.matchId!, workerId: doc.workerId, template: doc.template, causeEventId: doc.causeEventId };
  const contact = await deps.contacts.get(doc.workerId);
  const withdrawn = await withdrawnSince(deps, doc);
  const delivery = planDeliveries({ contact, now, quietHours: deps.quietHours, withdrawn, capped: false }).find((d) => d.channel === channel)!;
  if (delivery.action === 'defer') return;
  if (delivery.action === 'suppress') {
    await deps.deliveries.finish({ matchId: notice.key, workerId: doc.workerId, channel, state: 'suppressed', at: now, events: [suppressedEvent(notice, channel, now, delivery.reason)] });
  } else {
    const outgoing = await outgoingOf(deps, doc);
    if (!outgoing) return;
    try {
      await sendOnceMarked(deps, outgoing, channel, contact!, log);
    } catch (error) {
      if (!isRetriable(error)) throw error;
      await deps.deferred.postpone(doc._id, new Date(now.getTime() + deps.retryAfterMs));
      log.warn({ notificationId: doc._id, err: error }, 'deferred notification not sent; will retry');
      return;
    }
  }
  await deps.deferred.done(doc._id);
  log.info({ notificationId: doc._id, action: delivery.action }, 'deferred notification handled');
}

/** Sends what waited out the quiet hours. Returns how many were looked at. */
export async function sendDeferred(deps: NotificationDeps, log: Logger, limit = 100): Promise<number> {
  const due = await deps.deferred.due(deps.now(), limit);
  for (const doc of due) await sendOne(deps, doc, log);
  if (due.length > 0) deps.published();
  return due.length;
}
