import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Logger } from 'pino';
import { ProjectionStore } from '../repositories/projection-store.js';
import { Projections } from '../use-cases/projections.js';
import { SupplyDemandPublisher } from '../use-cases/supply-demand-publisher.js';

declare module 'fastify' {
  interface FastifyInstance {
    analytics: { projections: Projections; provinceCode: string; supplyDemand: SupplyDemandPublisher };
  }
}

export interface AnalyticsPluginOptions {
  provinceCode: string;
  publishDebounceMs: number;
  now: () => Date;
}

/**
 * The projections, loaded from the service's own collections before any
 * consumer starts, and the publisher of the cells they change.
 */
export const analyticsPlugin = fp(
  async (app: FastifyInstance, { provinceCode, publishDebounceMs, now }: AnalyticsPluginOptions) => {
    const log = (app.log as Logger).child({ component: 'analytics' });
    const projections = new Projections(new ProjectionStore(app.mongo));
    await projections.load();
    log.info({ workers: projections.workers.size, vacancies: projections.vacancies.size }, 'projections loaded');
    const supplyDemand = new SupplyDemandPublisher({ projections, publisher: app.publisher, provinceCode, debounceMs: publishDebounceMs, now, log });
    projections.onChange(() => supplyDemand.schedule());
    app.decorate('analytics', { projections, provinceCode, supplyDemand });
    // Publish the loaded state once; the compacted topic keeps only the latest value per cell.
    app.addHook('onReady', async () => supplyDemand.schedule());
    app.addHook('preClose', async () => supplyDemand.close());
  },
  { name: 'analytics', fastify: '5.x', dependencies: ['mongo', 'kafka'] },
);
