import { forecastTopic, kpiTopic } from '@ketnoi/contracts';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Logger } from 'pino';
import { referenceAreas } from '../domain/area-resolver.js';
import { vietnamDayOf } from '../domain/local-day.js';
import { JobFairStore } from '../repositories/jobfair-store.js';
import { LabourForceStore } from '../repositories/labour-force-store.js';
import { ProjectionStore } from '../repositories/projection-store.js';
import { forecastsOf, type Forecast } from '../use-cases/forecasts-of.js';
import { JobFairs } from '../use-cases/jobfairs.js';
import { KeyedPublisher } from '../use-cases/keyed-publisher.js';
import { kpisOf, type KpiValue } from '../use-cases/kpis-of.js';
import { LabourForceTable } from '../use-cases/labour-force-table.js';
import { Projections } from '../use-cases/projections.js';
import { SupplyDemandPublisher } from '../use-cases/supply-demand-publisher.js';

export interface Analytics {
  projections: Projections;
  /** The job fairs, for the fair reports. */
  jobFairs: JobFairs;
  areas: ReturnType<typeof referenceAreas>;
  labourForce: LabourForceTable;
  supplyDemand: SupplyDemandPublisher;
  kpiPublisher: KeyedPublisher<KpiValue>;
  forecastPublisher: KeyedPublisher<Forecast>;
  now: () => Date;
  /** The KPIs as of now (recomputed when the projections or the table changed). */
  kpis: () => KpiValue[];
  /** The forecasts as of now (recomputed when the projections changed). */
  forecasts: () => Forecast[];
}

declare module 'fastify' {
  interface FastifyInstance {
    analytics: Analytics;
  }
}

export interface AnalyticsPluginOptions {
  provinceCode: string;
  publishDebounceMs: number;
  forecastRefreshMs: number;
  now: () => Date;
}

/** Remembers the last value until the revision changes and, when given, at least `minAgeMs` have passed. */
function memo<T>(revision: () => string, compute: () => T, minAgeMs = 0, clock: () => number = Date.now): () => T {
  let last: { revision: string; value: T; at: number } | undefined;
  return () => {
    const current = revision();
    if (!last || (last.revision !== current && clock() - last.at >= minAgeMs)) last = { revision: current, value: compute(), at: clock() };
    return last.value;
  };
}

/**
 * The projections and the labour-force table, loaded from the service's own
 * collections before any consumer starts, and the publishers of what they change.
 */
export const analyticsPlugin = fp(
  async (app: FastifyInstance, { provinceCode, publishDebounceMs, forecastRefreshMs, now }: AnalyticsPluginOptions) => {
    const log = (app.log as Logger).child({ component: 'analytics' });
    const projections = new Projections(new ProjectionStore(app.mongo));
    const labourForce = new LabourForceTable(new LabourForceStore(app.mongo));
    const jobFairs = new JobFairs(new JobFairStore(app.mongo), (workerId) => projections.workers.get(workerId)?.erased === true);
    await projections.load();
    await labourForce.load();
    await jobFairs.load();
    log.info(
      { workers: projections.workers.size, combinations: projections.cube.size, vacancies: projections.vacancies.size, jobFairs: jobFairs.size },
      'projections loaded',
    );
    const areas = referenceAreas(provinceCode);
    const day = () => vietnamDayOf(now());
    const kpis = memo(
      () => `${projections.revision}|${labourForce.revision}|${day()}`,
      () => kpisOf(projections, labourForce.values(), areas, day(), now().toISOString()),
    );
    const forecasts = memo(
      () => `${projections.revision}|${day()}`,
      () => forecastsOf(projections, { ...areas, asOfDay: day(), computedAt: now().toISOString() }),
      // Refitting every series is the costliest report (seconds for a million workers): not on every event.
      forecastRefreshMs,
    );
    const supplyDemand = new SupplyDemandPublisher({ projections, publisher: app.publisher, areas, debounceMs: publishDebounceMs, now, log });
    const kpiPublisher = new KeyedPublisher({ name: 'kpis', topic: kpiTopic, type: 'kpi.computed', compute: kpis, publisher: app.publisher, debounceMs: publishDebounceMs, log });
    const forecastPublisher = new KeyedPublisher({
      name: 'forecasts',
      topic: forecastTopic,
      type: 'forecast.computed',
      compute: forecasts,
      publisher: app.publisher,
      debounceMs: Math.max(publishDebounceMs, forecastRefreshMs),
      log,
    });
    const publishers = [supplyDemand, kpiPublisher, forecastPublisher];
    projections.onChange(() => publishers.forEach((p) => p.schedule()));
    labourForce.onChange(() => kpiPublisher.schedule());
    app.decorate('analytics', { projections, jobFairs, areas, labourForce, supplyDemand, kpiPublisher, forecastPublisher, now, kpis, forecasts });
    // Publish the loaded state once; the compacted topics keep only the latest value per key.
    app.addHook('onReady', async () => publishers.forEach((p) => p.schedule()));
    app.addHook('preClose', async () => {
      await Promise.all(publishers.map((p) => p.close()));
    });
  },
  { name: 'analytics', fastify: '5.x', dependencies: ['mongo', 'kafka'] },
);
