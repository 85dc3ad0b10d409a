import { notificationsTopic } from '@ketnoi/contracts';
import { pendingEvent } from '@ketnoi/service-kit';
import type { Logger } from 'pino';
import { postWebhook, type PostResult } from '../channels/webhook-poster.js';
import { resolveWebhookTarget, type CheckedTarget } from '../channels/webhook-target.js';
import { nextAttemptAt } from '../domain/webhook-backoff.js';
import type { WebhookJob } from '../repositories/webhook-queue.js';
import type { NotificationDeps } from './deps.js';

const outcomeEvent = (job: WebhookJob, at: Date, failure?: string) => {
  const data = {
    notificationId: job._id,
    recipientKind: 'employer' as const,
    recipientId: job.employerId,
    channel: 'webhook' as const,
    template: job.type,
    at: at.toISOString(),
  };
  return failure
    ? pendingEvent(notificationsTopic, { id: `${job._id}:failed`, type: 'notification.failed', subject: job.employerId, data: { ...data, reason: failure, final: true } })
    : pendingEvent(notificationsTopic, { id: `${job._id}:sent`, type: 'notification.sent', subject: job.employerId, data });
};

async function attempt(deps: NotificationDeps, job: WebhookJob, now: Date): Promise<PostResult | null> {
  const subscription = await deps.webhooks.subscriptions.get(job.subscriptionId);
  if (!subscription) return null;
  let target: CheckedTarget;
  try {
    // Resolved and checked again at delivery (the name may point elsewhere than when subscribed),
    // and the connection goes to the addresses checked here, not to another lookup.
    target = await resolveWebhookTarget(subscription.url, deps.webhooks.allowList, deps.webhooks.resolve);
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
  return postWebhook(target, subscription.secret, job.body, now, deps.webhooks.timeoutMs);
}

/** One try of one delivery, under its lease: done, retried later with backoff, or parked when out of time. */
async function deliverOne(deps: NotificationDeps, seen: WebhookJob, log: Logger): Promise<void> {
  const now = deps.now();
  if (!(await deps.leases.take(`webhook:${seen._id}:${seen.attempts}`, now))) return;
  // Read again under the lease: another instance may have tried it since the scan.
  const job = await deps.webhooks.queue.get(seen._id);
  if (!job || job.attempts !== seen.attempts) return;
  const result = await attempt(deps, job, now);
  if (result === null) {
    await deps.webhooks.queue.done(job._id);
    return;
  }
  if (result.ok) {
    await deps.deliveries.record(`webhook:${job._id}`, job.employerId, 'webhook', 'sent', now, [outcomeEvent(job, now)]);
    await deps.webhooks.queue.done(job._id);
    log.info({ deliveryId: job._id, attempts: job.attempts + 1 }, 'webhook delivered');
    return;
  }
  const next = nextAttemptAt(job.firstAt, job.attempts + 1, now, deps.webhooks.retry);
  if (next) {
    await deps.webhooks.queue.retryLater(job, next, result.reason);
    log.warn({ deliveryId: job._id, attempts: job.attempts + 1, reason: result.reason, nextAt: next }, 'webhook failed; will retry');
    return;
  }
  await deps.deliveries.record(`webhook:${job._id}`, job.employerId, 'webhook', 'failed', now, [outcomeEvent(job, now, result.reason)]);
  await deps.webhooks.queue.park(job, now, result.reason);
  log.warn({ deliveryId: job._id, attempts: job.attempts + 1, reason: result.reason }, 'webhook parked');
}

/** Delivers the webhooks that are due, in parallel. Returns how many were tried. */
export async function deliverWebhooks(deps: NotificationDeps, log: Logger, limit = 50): Promise<number> {
  const due = await deps.webhooks.queue.due(deps.now(), limit);
  await Promise.all(due.map((job) => deliverOne(deps, job, log)));
  if (due.length > 0) deps.published();
  return due.length;
}
