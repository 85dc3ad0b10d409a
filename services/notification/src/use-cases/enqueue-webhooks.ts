import type { WebhookEventType } from '../repositories/webhook-subscriptions.js';
import type { NotificationDeps } from './deps.js';

export interface WebhookCause {
  employerId: string;
  type: WebhookEventType;
  /** Stable id of what happened (e.g. the matchId): the same cause is delivered once per subscription. */
  causeId: string;
  occurredAt: Date;
  data: Record<string, unknown>;
}

/** Queues one signed delivery per subscription of the employer that wants this event type. Returns how many were new. */
export async function enqueueWebhooks(deps: NotificationDeps, cause: WebhookCause): Promise<number> {
  const subscriptions = await deps.webhooks.subscriptions.ofEmployer(cause.employerId);
  let queued = 0;
  for (const subscription of subscriptions.filter((s) => s.events.includes(cause.type))) {
    const id = `${subscription._id}:${cause.type}:${cause.causeId}`;
    const body = JSON.stringify({ id, type: cause.type, occurredAt: cause.occurredAt.toISOString(), data: cause.data });
    const now = deps.now();
    const fresh = await deps.webhooks.queue.enqueue({
      _id: id,
      subscriptionId: subscription._id,
      employerId: cause.employerId,
      type: cause.type,
      body,
      firstAt: now,
      nextAt: now,
      attempts: 0,
    });
    if (fresh) queued += 1;
  }
  return queued;
}
