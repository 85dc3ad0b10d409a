import { ingestWorkersTopic, workerContactsTopic, workersTopic } from '@ketnoi/contracts';
import type { TopicNamer } from '@ketnoi/messaging';
import { referenceData, type ReferenceData } from '@ketnoi/reference-data';
import {
  consumerPlugin,
  createEventService,
  groupIdOf,
  idempotencyPlugin,
  outboxPlugin,
  topicNamerOf,
  type ServiceApp,
  type ServiceAppOptions,
} from '@ketnoi/service-kit';
import type { RegistrationConfig } from './config.js';
import { registerOnWorkerSubmitted } from './consumers/register-on-worker-submitted.js';
import { registrationPlugin } from './plugins/registration.js';
import { workerImportRoutes } from './routes/workers/import.js';
import { workerRoutes } from './routes/workers/index.js';

/**
 * Ingest events applied together: a few bulk writes each (register-many.ts).
 * Bulk inserts cost per document, so a bigger batch gains little, while known
 * people are read one by one and the handler must end well within the group's
 * session timeout (30 s): kafkajs heartbeats between handler calls only.
 */
const INGEST_BATCH = 250;

export interface BuildOverrides extends Partial<Pick<ServiceAppOptions, 'logger' | 'auth'>> {
  topicName?: TopicNamer;
  groupId?: string;
  reference?: ReferenceData;
  now?: () => Date;
  relayIdleMs?: number;
}

/** The registration service, ready to listen (server.ts) or to be injected into (tests). */
export async function buildApp(config: RegistrationConfig, overrides: BuildOverrides = {}): Promise<ServiceApp> {
  const topicName = overrides.topicName ?? topicNamerOf(config);
  const app = await createEventService({
    config,
    description: 'Registers job seekers with their policy profile; personal data encrypted, consents recorded.',
    logger: overrides.logger,
    auth: overrides.auth,
    source: '/ketnoi/registration',
    produces: [workersTopic, workerContactsTopic],
    topicName,
  });
  await app.register(registrationPlugin, {
    config,
    reference: overrides.reference ?? referenceData,
    ...(overrides.now ? { now: overrides.now } : {}),
  });
  await app.register(outboxPlugin, {
    model: (instance) => instance.registration.store.versions,
    topics: [workersTopic, workerContactsTopic],
    // Several ingest batches per relay batch: each one costs a scan of the pending index.
    batchSize: 5_000,
    ...(overrides.relayIdleMs === undefined ? {} : { idleMs: overrides.relayIdleMs }),
  });
  await app.register(
    consumerPlugin({
      name: 'ingest-workers',
      groupId: overrides.groupId ?? groupIdOf(config, 'registration'),
      topicName,
      // People are claimed by citizen-ID, so batches of different partitions may run at once.
      partitionsConsumedConcurrently: ingestWorkersTopic.partitions,
      subscribe: (consumer, instance) =>
        consumer.subscribeBatch(ingestWorkersTopic, registerOnWorkerSubmitted(() => instance.registration), {
          maxBatchSize: INGEST_BATCH,
        }),
    }),
  );
  await app.register(idempotencyPlugin);
  await app.register(workerRoutes);
  await app.register(workerImportRoutes);
  return app;
}
