import type { WebhookJob } from '../repositories/webhook-queue.js';
import type { SubscriptionDoc, WebhookEventType } from '../repositories/webhook-subscriptions.js';

export interface WebhookCause {
  employerId: string;
  type: WebhookEventType;
  /** Stable id of what happened (e.g. the matchId): the same cause is delivered once per subscription. */
  causeId: string;
  occurredAt: Date;
  data: Record<string, unknown>;
}

/** The id of a cause's delivery to one subscription: what makes it queued once. */
export const webhookJobId = (subscriptionId: string, type: WebhookEventType, causeId: string): string => `${subscriptionId}:${type}:${causeId}`;

/** Whether the subscription wants this employer's event type. */
export const wants = (subscription: SubscriptionDoc, employerId: string, type: WebhookEventType): boolean =>
  subscription.employerId === employerId && subscription.events.includes(type);

/** One signed delivery per subscription of the employer that wants this event type; `_id` `<subscriptionId>:<type>:<cause>`. */
export function webhookJobs(subscriptions: readonly SubscriptionDoc[], cause: WebhookCause, now: Date): WebhookJob[] {
  return subscriptions
    .filter((subscription) => wants(subscription, cause.employerId, cause.type))
    .map((subscription) => {
      const id = webhookJobId(subscription._id, cause.type, cause.causeId);
      const body = JSON.stringify({ id, type: cause.type, occurredAt: cause.occurredAt.toISOString(), data: cause.data });
      return { _id: id, subscriptionId: subscription._id, employerId: cause.employerId, type: cause.type, body, firstAt: now, nextAt: now, attempts: 0 };
    });
}
