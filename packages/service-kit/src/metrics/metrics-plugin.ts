import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Registry, collectDefaultMetrics } from 'prom-client';
import { createEventMetrics } from './event-metrics.js';
import type { EventObserver } from '@ketnoi/messaging';
import { recordHttpMetrics } from './http-metrics.js';

export interface AppMetrics {
  /** This app's registry (not prom-client's global one): add service metrics here. */
  registry: Registry;
  /** Pass to the messaging package's consumers and producers. */
  events: EventObserver;
}

declare module 'fastify' {
  interface FastifyInstance {
    metrics: AppMetrics;
  }
}

export interface MetricsOptions {
  serviceName: string;
  /** Process metrics (CPU, memory, event loop); off in tests that build many apps. */
  defaultMetrics?: boolean;
}

/** Prometheus metrics at `/metrics`: process, HTTP and event metrics. */
export const metricsPlugin = fp(
  async (app: FastifyInstance, { serviceName, defaultMetrics = true }: MetricsOptions) => {
    const registry = new Registry();
    registry.setDefaultLabels({ service: serviceName });
    if (defaultMetrics) collectDefaultMetrics({ register: registry });
    recordHttpMetrics(app, registry);
    app.decorate('metrics', { registry, events: createEventMetrics(registry) });

    app.get('/metrics', { schema: { hide: true }, logLevel: 'warn' }, async (_request, reply) =>
      reply.type(registry.contentType).send(await registry.metrics()),
    );
  },
  { name: 'ketnoi-metrics', fastify: '5.x' },
);
