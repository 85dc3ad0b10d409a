import {
  employersTopic,
  forecastTopic,
  jobFairsTopic,
  kpiTopic,
  matchesTopic,
  notificationsTopic,
  placementsTopic,
  supplyDemandTopic,
  vacanciesTopic,
  workersTopic,
} from '@ketnoi/contracts';
import type { TopicNamer } from '@ketnoi/messaging';
import { consumerPlugin, createEventService, groupIdOf, topicNamerOf, type ServiceApp, type ServiceAppOptions } from '@ketnoi/service-kit';
import type { AnalyticsConfig } from './config.js';
import { countOnJobFairBatch } from './consumers/count-on-jobfair-event.js';
import { countOnMatchBatch } from './consumers/count-on-match-proposed.js';
import { countOnNotificationBatch } from './consumers/count-on-notification.js';
import { countOnPlacementBatch } from './consumers/count-on-placement-recorded.js';
import { projectOnEmployerBatch } from './consumers/project-on-employer-event.js';
import { projectOnVacancyBatch } from './consumers/project-on-vacancy-event.js';
import { projectOnWorkerBatch } from './consumers/project-on-worker-event.js';
import { analyticsPlugin } from './plugins/analytics.js';
import { dashboardRoutes } from './routes/dashboard/index.js';
import { exposureRoutes } from './routes/exposure/index.js';
import { forecastRoutes } from './routes/forecasts/index.js';
import { jobFairRoutes } from './routes/jobfairs/index.js';
import { kpiRoutes } from './routes/kpis/index.js';
import { labourForceRoutes } from './routes/labour-force/index.js';
import { supplyDemandRoutes } from './routes/supply-demand/index.js';

export interface BuildOverrides extends Partial<Pick<ServiceAppOptions, 'logger' | 'auth'>> {
  topicName?: TopicNamer;
  groupId?: string;
  now?: () => Date;
}

/** The analytics service, ready to listen (server.ts) or to be injected into (tests). */
export async function buildApp(config: AnalyticsConfig, overrides: BuildOverrides = {}): Promise<ServiceApp> {
  const topicName = overrides.topicName ?? topicNamerOf(config);
  const app = await createEventService({
    config,
    description: 'Supply and demand, flows, KPIs, forecasts, the exposure audit and job-fair reports, from projections of the domain topics.',
    logger: overrides.logger,
    auth: overrides.auth,
    source: '/ketnoi/analytics',
    produces: [supplyDemandTopic, kpiTopic, forecastTopic],
    topicName,
  });
  await app.register(analyticsPlugin, {
    provinceCode: config.ANALYTICS_PROVINCE_CODE,
    publishDebounceMs: config.ANALYTICS_PUBLISH_DEBOUNCE_MS,
    forecastRefreshMs: config.ANALYTICS_FORECAST_REFRESH_MS,
    now: overrides.now ?? (() => new Date()),
  });
  // One consumer handling one partition at a time, so the in-memory projections
  // change one batch at a time (ANALYTICS_BATCH_SIZE=0: batches of one event).
  const batch = { maxBatchSize: Math.max(1, config.ANALYTICS_BATCH_SIZE) };
  await app.register(
    consumerPlugin({
      name: 'analytics',
      groupId: overrides.groupId ?? groupIdOf(config, 'analytics'),
      topicName,
      fromBeginning: true,
      subscribe: (consumer, instance) => {
        const projections = () => instance.analytics.projections;
        const jobFairs = () => instance.analytics.jobFairs;
        return consumer
          .subscribeBatch(workersTopic, projectOnWorkerBatch(projections, jobFairs), batch)
          .subscribeBatch(employersTopic, projectOnEmployerBatch(projections), batch)
          .subscribeBatch(vacanciesTopic, projectOnVacancyBatch(projections), batch)
          .subscribeBatch(placementsTopic, countOnPlacementBatch(projections), batch)
          .subscribeBatch(matchesTopic, countOnMatchBatch(projections), { ...batch, types: ['match.proposed'] })
          .subscribeBatch(notificationsTopic, countOnNotificationBatch(projections), batch)
          .subscribeBatch(jobFairsTopic, countOnJobFairBatch(jobFairs), batch);
      },
    }),
  );
  await app.register(supplyDemandRoutes);
  await app.register(kpiRoutes);
  await app.register(labourForceRoutes);
  await app.register(forecastRoutes);
  await app.register(exposureRoutes);
  await app.register(jobFairRoutes);
  await app.register(dashboardRoutes);
  return app;
}
