import { placementsTopic, supplyDemandTopic, vacanciesTopic, workersTopic } from '@ketnoi/contracts';
import { sameName, type TopicNamer } from '@ketnoi/messaging';
import { consumerPlugin, createEventService, type ServiceApp, type ServiceAppOptions } from '@ketnoi/service-kit';
import type { AnalyticsConfig } from './config.js';
import { countOnPlacementRecorded } from './consumers/count-on-placement-recorded.js';
import { projectOnVacancyEvent } from './consumers/project-on-vacancy-event.js';
import { projectOnWorkerEvent } from './consumers/project-on-worker-event.js';
import { analyticsPlugin } from './plugins/analytics.js';
import { supplyDemandRoutes } from './routes/supply-demand/index.js';

export interface BuildOverrides extends Partial<Pick<ServiceAppOptions, 'logger' | 'auth'>> {
  topicName?: TopicNamer;
  groupId?: string;
  now?: () => Date;
}

/** The analytics service, ready to listen (server.ts) or to be injected into (tests). */
export async function buildApp(config: AnalyticsConfig, overrides: BuildOverrides = {}): Promise<ServiceApp> {
  const topicName = overrides.topicName ?? sameName;
  const app = await createEventService({
    config,
    description: 'Supply and demand per occupation and area, from projections of the domain topics.',
    logger: overrides.logger,
    auth: overrides.auth,
    source: '/ketnoi/analytics',
    produces: [supplyDemandTopic],
    topicName,
  });
  await app.register(analyticsPlugin, {
    provinceCode: config.ANALYTICS_PROVINCE_CODE,
    publishDebounceMs: config.ANALYTICS_PUBLISH_DEBOUNCE_MS,
    now: overrides.now ?? (() => new Date()),
  });
  // One consumer, so the in-memory projections change one event at a time.
  await app.register(
    consumerPlugin({
      name: 'analytics',
      groupId: overrides.groupId ?? 'analytics',
      topicName,
      fromBeginning: true,
      subscribe: (consumer, instance) =>
        consumer
          .subscribe(workersTopic, projectOnWorkerEvent(() => instance.analytics.projections))
          .subscribe(vacanciesTopic, projectOnVacancyEvent(() => instance.analytics.projections))
          .subscribe(placementsTopic, countOnPlacementRecorded(() => instance.analytics.projections)),
    }),
  );
  await app.register(supplyDemandRoutes);
  return app;
}
