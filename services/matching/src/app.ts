import { matchesTopic, placementsTopic, vacanciesTopic, workersTopic } from '@ketnoi/contracts';
import { sameName, type TopicNamer } from '@ketnoi/messaging';
import { createReferenceData, type ReferenceData } from '@ketnoi/reference-data';
import { consumerPlugin, createEventService, type ServiceApp, type ServiceAppOptions } from '@ketnoi/service-kit';
import type { MatchingConfig } from './config.js';
import { matchOnVacancyEvent } from './consumers/match-on-vacancy-event.js';
import { matchOnWorkerEvent } from './consumers/match-on-worker-event.js';
import { withdrawOnPlacementRecorded } from './consumers/withdraw-on-placement-recorded.js';
import { matchingPlugin } from './plugins/matching.js';
import { matchRoutes } from './routes/matches/index.js';

export interface BuildOverrides extends Partial<Pick<ServiceAppOptions, 'logger' | 'auth'>> {
  topicName?: TopicNamer;
  groupId?: string;
  reference?: ReferenceData;
  now?: () => Date;
}

/** The matching service, ready to listen (server.ts) or to be injected into (tests). */
export async function buildApp(config: MatchingConfig, overrides: BuildOverrides = {}): Promise<ServiceApp> {
  const topicName = overrides.topicName ?? sameName;
  const app = await createEventService({
    config,
    description: 'Scores looking workers against open vacancies continuously; explains every match and non-match.',
    logger: overrides.logger,
    auth: overrides.auth,
    source: '/ketnoi/matching',
    produces: [matchesTopic],
    topicName,
  });
  await app.register(matchingPlugin, {
    scoring: config.MATCHING_SCORING,
    reference: overrides.reference ?? createReferenceData({ dir: config.REFERENCE_DATA_DIR }),
    now: overrides.now ?? (() => new Date()),
  });
  // One consumer, so events of the three topics are applied one at a time (the engine is one in-memory state).
  await app.register(
    consumerPlugin({
      name: 'matching',
      groupId: overrides.groupId ?? 'matching',
      topicName,
      fromBeginning: true,
      subscribe: (consumer, instance) =>
        consumer
          .subscribe(workersTopic, matchOnWorkerEvent(() => instance.matching))
          .subscribe(vacanciesTopic, matchOnVacancyEvent(() => instance.matching))
          .subscribe(placementsTopic, withdrawOnPlacementRecorded(() => instance.matching)),
    }),
  );
  await app.register(matchRoutes);
  return app;
}
