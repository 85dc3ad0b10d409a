import { webhookJobs, type WebhookCause } from '../domain/webhook-jobs.js';
import type { NotificationDeps } from './deps.js';

export type { WebhookCause };

/** Queues one signed delivery per subscription of the employer that wants this event type. Returns how many were new. */
export async function enqueueWebhooks(deps: NotificationDeps, cause: WebhookCause): Promise<number> {
  const subscriptions = await deps.webhooks.subscriptions.ofEmployer(cause.employerId);
  let queued = 0;
  for (const job of webhookJobs(subscriptions, cause, deps.now())) {
    if (await deps.webhooks.queue.enqueue(job)) queued += 1;
  }
  return queued;
}
