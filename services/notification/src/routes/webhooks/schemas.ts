import { z } from 'zod';
import { webhookEventTypes } from '../../repositories/webhook-subscriptions.js';

export const subscriptionInput = z.object({
  url: z.string().min(8).max(2_000),
  events: z.array(z.enum(webhookEventTypes)).min(1).max(webhookEventTypes.length),
});

export const subscriptionView = z.object({
  subscriptionId: z.string(),
  url: z.string(),
  events: z.array(z.enum(webhookEventTypes)),
  createdAt: z.string(),
});

export const createdSubscription = subscriptionView.extend({
  secret: z.string().describe('Signing secret for HMAC-SHA256 over "<ketnoi-timestamp>.<body>"; shown only once'),
});

export const subscriptionParams = z.object({ subscriptionId: z.string().min(1).max(100) });

export const parkedView = z.object({
  items: z.array(
    z.object({
      deliveryId: z.string(),
      subscriptionId: z.string(),
      type: z.string(),
      body: z.string(),
      attempts: z.number().int(),
      lastError: z.string().optional(),
      firstAt: z.string(),
      parkedAt: z.string(),
    }),
  ),
});
