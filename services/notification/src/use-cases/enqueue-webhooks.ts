import { webhookJobs, type WebhookCause } from '../domain/webhook-jobs.js';
import type { NotificationDeps } from './deps.js';

/** Queues one signed delivery per subscription of the employer that wants this event type. Returns how many were new. */
export async function enqueueWebhooks(deps: NotificationDeps, cause: WebhookCause): Promise<number> {
  const subscriptions = await deps.webhooks.subscriptions.ofEmployer(cause.employerId);
  return (await deps.webhooks.queue.enqueueMany(webhookJobs(subscriptions, cause, deps.now()))).size;
}
