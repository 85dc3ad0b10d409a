import { randomBytes, randomUUID } from 'node:crypto';
import { forbidden, notFound } from '@ketnoi/errors';
import { principalOf, requireRole, type ServiceApp } from '@ketnoi/service-kit';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { checkWebhookTarget } from '../../channels/webhook-target.js';
import type { SubscriptionDoc } from '../../repositories/webhook-subscriptions.js';
import { createdSubscription, parkedView, subscriptionInput, subscriptionParams, subscriptionView } from './schemas.js';

const employerOf = (request: FastifyRequest): string => {
  const { employerId } = principalOf(request);
  if (!employerId) throw forbidden('An employer token is needed');
  return employerId;
};

const toView = (doc: SubscriptionDoc) => ({ subscriptionId: doc._id, url: doc.url, events: doc.events, createdAt: doc.createdAt.toISOString() });

/** Employers manage their own webhook subscriptions and see their parked deliveries. */
export async function webhookRoutes(app: ServiceApp): Promise<void> {
  const deps = () => app.notification;
  const employer = requireRole('employer');

  app.post(
    '/v1/webhooks',
    { onRequest: employer, schema: { summary: 'Subscribe to webhooks', tags: ['webhooks'], body: subscriptionInput, response: { 201: createdSubscription } } },
    async (request, reply) => {
      const employerId = employerOf(request);
      const url = await checkWebhookTarget(request.body.url, deps().webhooks.allowList, deps().webhooks.resolve);
      const doc: SubscriptionDoc = {
        _id: `whs_${randomUUID()}`,
        employerId,
        url: url.toString(),
        events: [...new Set(request.body.events)],
        secret: randomBytes(32).toString('base64url'),
        createdAt: deps().now(),
      };
      await deps().webhooks.subscriptions.add(doc);
      request.log.info({ employerId, subscriptionId: doc._id }, 'webhook subscribed');
      return reply.code(201).send({ ...toView(doc), secret: doc.secret });
    },
  );

  app.get(
    '/v1/webhooks',
    { onRequest: employer, schema: { summary: 'Your webhook subscriptions', tags: ['webhooks'], response: { 200: z.object({ items: z.array(subscriptionView) }) } } },
    async (request) => ({ items: (await deps().webhooks.subscriptions.ofEmployer(employerOf(request))).map(toView) }),
  );

  app.delete(
    '/v1/webhooks/:subscriptionId',
    { onRequest: employer, schema: { summary: 'Unsubscribe', tags: ['webhooks'], params: subscriptionParams } },
    async (request, reply) => {
      const subscription = await deps().webhooks.subscriptions.get(request.params.subscriptionId);
      if (!subscription || subscription.employerId !== employerOf(request)) throw notFound('Webhook subscription');
      await deps().webhooks.subscriptions.remove(subscription._id);
      return reply.code(204).send();
    },
  );

  app.get(
    '/v1/webhooks/dead-letters',
    { onRequest: employer, schema: { summary: 'Deliveries given up after 24 hours of retries', tags: ['webhooks'], response: { 200: parkedView } } },
    async (request) => {
      const parked = await deps().webhooks.queue.parkedOf(employerOf(request), 100);
      return {
        items: parked.map((job) => ({
          deliveryId: job._id,
          subscriptionId: job.subscriptionId,
          type: job.type,
          body: job.body,
          attempts: job.attempts,
          ...(job.lastError ? { lastError: job.lastError } : {}),
          firstAt: job.firstAt.toISOString(),
          parkedAt: job.parkedAt.toISOString(),
        })),
      };
    },
  );
}
