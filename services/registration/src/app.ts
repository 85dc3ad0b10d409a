import { ingestWorkersTopic, workerContactsTopic, workersTopic } from '@ketnoi/contracts';
import { sameName, type TopicNamer } from '@ketnoi/messaging';
import { referenceData, type ReferenceData } from '@ketnoi/reference-data';
import {
  consumerPlugin,
  createServiceApp,
  idempotencyPlugin,
  kafkaPlugin,
  mongoPlugin,
  outboxPlugin,
  type ServiceApp,
  type ServiceAppOptions,
} from '@ketnoi/service-kit';
import type { RegistrationConfig } from './config.js';
import { registerOnWorkerSubmitted } from './consumers/register-on-worker-submitted.js';
import { registrationPlugin } from './plugins/registration.js';
import { workerImportRoutes } from './routes/workers/import.js';
import { workerRoutes } from './routes/workers/index.js';

export interface BuildOverrides extends Partial<Pick<ServiceAppOptions, 'logger' | 'auth'>> {
  topicName?: TopicNamer;
  groupId?: string;
  reference?: ReferenceData;
  now?: () => Date;
  relayIdleMs?: number;
}

/** The registration service, ready to listen (server.ts) or to be injected into (tests). */
export async function buildApp(config: RegistrationConfig, overrides: BuildOverrides = {}): Promise<ServiceApp> {
  const app = await createServiceApp({
    config,
    description: 'Registers job seekers with their policy profile; personal data encrypted, consents recorded.',
    ...(overrides.logger ? { logger: overrides.logger } : {}),
    ...(overrides.auth ? { auth: overrides.auth } : {}),
  });
  const topicName = overrides.topicName ?? sameName;
  await app.register(mongoPlugin, { url: config.MONGO_URL, dbName: config.MONGO_DB_NAME });
  await app.register(kafkaPlugin, {
    brokers: config.KAFKA_BROKERS,
    clientId: config.SERVICE_NAME,
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
    ...(overrides.relayIdleMs === undefined ? {} : { idleMs: overrides.relayIdleMs }),
  });
  await app.register(
    consumerPlugin({
      name: 'ingest-workers',
      groupId: overrides.groupId ?? 'registration',
      topicName,
      subscribe: (consumer, instance) =>
        consumer.subscribe(ingestWorkersTopic, registerOnWorkerSubmitted(() => instance.registration)),
    }),
  );
  await app.register(idempotencyPlugin);
  await app.register(workerRoutes);
  await app.register(workerImportRoutes);
  return app;
}
