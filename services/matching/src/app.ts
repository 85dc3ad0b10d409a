import { matchesTopic, placementsTopic, vacanciesTopic, workersTopic } from '@ketnoi/contracts';
import type { TopicNamer } from '@ketnoi/messaging';
import { createReferenceData, type ReferenceData } from '@ketnoi/reference-data';
import { consumerPlugin, createEventService, groupIdOf, topicNamerOf, type ServiceApp, type ServiceAppOptions } from '@ketnoi/service-kit';
import type { MatchingConfig } from './config.js';
import { matchOnVacancyEvent } from './consumers/match-on-vacancy-event.js';
import { matchOnWorkerEvent } from './consumers/match-on-worker-event.js';
import { withdrawOnPlacementRecorded } from './consumers/withdraw-on-placement-recorded.js';
import { matchingPlugin } from './plugins/matching.js';
import { registerSharded } from './plugins/sharding.js';
import { matchRoutes } from './routes/matches/index.js';

export interface BuildOverrides extends Partial<Pick<ServiceAppOptions, 'logger' | 'auth'>> {
  topicName?: TopicNamer;
  groupId?: string;
  reference?: ReferenceData;
  now?: () => Date;
}

/** The matching service, ready to listen (server.ts) or to be injected into (tests). */
export async function buildApp(config: MatchingConfig, overrides: BuildOverrides = {}): Promise<ServiceApp> {
  const topicName = overrides.topicName ?? topicNamerOf(config);
  const app = await createEventService({
    config,
    description: 'Scores looking workers against open vacancies continuously; explains every match and non-match.',
    logger: overrides.logger,
    auth: overrides.auth,
    source: '/ketnoi/matching',
    produces: [matchesTopic],
    topicName,
  });
  const now = overrides.now ?? (() => new Date());
  await app.register(matchingPlugin, {
    scoring: config.MATCHING_SCORING,
    reference: overrides.reference ?? createReferenceData({ dir: config.REFERENCE_DATA_DIR }),
    now,
    sharded: config.MATCHING_SHARDED,
  });
  // Sharded: the router, shards and merge groups are `<groupId>-router`, `-shards`, `-merge`.
  const groupId = overrides.groupId ?? groupIdOf(config, 'matching');
  const batch = { maxBatchSize: config.MATCHING_BATCH_SIZE };
  if (config.MATCHING_SHARDED) await registerSharded(app, { groupId, topicName, batch, now });
  else {
    // One consumer, a batch of one partition at a time; the service's queue applies batches one after another (one in-memory state).
    await app.register(
      consumerPlugin({
        name: 'matching',
        groupId,
        topicName,
        fromBeginning: true,
        subscribe: (consumer, instance) =>
          consumer
            .subscribeBatch(workersTopic, matchOnWorkerEvent(() => instance.matching), batch)
            .subscribeBatch(vacanciesTopic, matchOnVacancyEvent(() => instance.matching), batch)
            .subscribeBatch(placementsTopic, withdrawOnPlacementRecorded(() => instance.matching), batch),
      }),
    );
  }
  await app.register(matchRoutes);
  return app;
}
