import { employersTopic, ingestVacanciesTopic, placementsTopic, vacanciesTopic, workersTopic } from '@ketnoi/contracts';
import type { TopicNamer } from '@ketnoi/messaging';
import {
  consumerPlugin,
  createEventService,
  groupIdOf,
  idempotencyPlugin,
  outboxPlugin,
  rateLimitPlugin,
  topicNamerOf,
  type AuthOptions,
  type ServiceApp,
} from '@ketnoi/service-kit';
import type { Logger } from 'pino';
import { employerTokens } from './auth/employer-tokens.js';
import { loadSigningKey, type SigningKey } from './auth/signing-key.js';
import { workersGroupId, type Config } from './config.js';
import { forgetOnWorkerErased } from './consumers/forget-on-worker-erased.js';
import { submitVacancyOnVacancySubmitted } from './consumers/submit-vacancy-on-vacancy-submitted.js';
import type { References } from './domain/references.js';
import { employerAuthPlugin } from './plugins/employer-auth.js';
import { expiryPlugin } from './plugins/expiry.js';
import { intakePlugin } from './plugins/intake.js';
import { storesPlugin } from './plugins/stores.js';
import { referencesFromConfig } from './references.js';
import clientRoutes from './routes/clients/index.js';
import employerRoutes from './routes/employers/index.js';
import importRoutes from './routes/imports/index.js';
import oauthRoutes from './routes/oauth/index.js';
import placementRoutes from './routes/placements/index.js';
import vacancyRoutes from './routes/vacancies/index.js';
import wellKnownRoutes from './routes/well-known/index.js';

/** What tests (and the benchmark) change; production uses the defaults. */
export interface AppOverrides {
  logger?: Logger;
  auth?: Partial<AuthOptions>;
  topicName?: TopicNamer;
  now?: () => Date;
  references?: References;
  signingKey?: SigningKey;
  outboxIdleMs?: number;
  clientCacheMs?: number;
  /** Kafka consumer fetch wait, ms (short in tests). */
  maxWaitTimeInMs?: number;
  defaultMetrics?: boolean;
}

const DESCRIPTION =
  'Employers, their API clients and tokens, vacancies and hires. Employer HR systems authenticate with ' +
  'client credentials at POST /oauth/token; staff with the province identity provider.';

export async function buildApp(config: Config, overrides: AppOverrides = {}): Promise<ServiceApp> {
  const topicName = overrides.topicName ?? topicNamerOf(config);
  const app = await createEventService({
    config,
    description: DESCRIPTION,
    logger: overrides.logger,
    auth: overrides.auth,
    ...(overrides.defaultMetrics === undefined ? {} : { defaultMetrics: overrides.defaultMetrics }),
    fastify: { bodyLimit: config.BODY_LIMIT_BYTES },
    source: `/ketnoi/${config.SERVICE_NAME}`,
    produces: [employersTopic, vacanciesTopic, placementsTopic],
    topicName,
  });
  const signingKey = overrides.signingKey ?? (await loadSigningKey(config.TOKEN_SIGNING_KEY, config.TOKEN_KEY_ID));
  if (signingKey.ephemeral) app.log.warn({ kid: signingKey.kid }, 'TOKEN_SIGNING_KEY is unset: signing employer tokens with a key made at start (local use only)');
  const tokens = await employerTokens(signingKey, { issuer: config.TOKEN_ISSUER, audience: config.AUTH_AUDIENCE, ttlSeconds: config.TOKEN_TTL_SECONDS });

  await app.register(storesPlugin);
  const outbox = { topics: [employersTopic, vacanciesTopic, placementsTopic], ...(overrides.outboxIdleMs ? { idleMs: overrides.outboxIdleMs } : {}) };
  await app.register(outboxPlugin, { ...outbox, model: (instance) => instance.stores.employers.versions });
  await app.register(outboxPlugin, { ...outbox, model: (instance) => instance.stores.vacancies.versions });
  await app.register(outboxPlugin, { ...outbox, model: (instance) => instance.stores.candidacies.versions });
  await app.register(intakePlugin, { references: overrides.references ?? referencesFromConfig(config.REFERENCE_DATA_DIR), now: overrides.now ?? (() => new Date()) });
  await app.register(expiryPlugin, { intervalMs: config.EXPIRY_INTERVAL_MS });
  await app.register(
    consumerPlugin({
      name: 'ingest-vacancies',
      groupId: groupIdOf(config, config.INGEST_GROUP_ID),
      topicName,
      ...(overrides.maxWaitTimeInMs ? { maxWaitTimeInMs: overrides.maxWaitTimeInMs } : {}),
      subscribe: (consumer, instance) =>
        consumer.subscribe(ingestVacanciesTopic, (event, context) => submitVacancyOnVacancySubmitted(instance.intake, event, context)),
    }),
  );
  // Erasures in a group of their own: a backlog of ingest submissions must not hold up forgetting a worker.
  await app.register(
    consumerPlugin({
      name: 'workers',
      groupId: groupIdOf(config, workersGroupId(config)),
      topicName,
      ...(overrides.maxWaitTimeInMs ? { maxWaitTimeInMs: overrides.maxWaitTimeInMs } : {}),
      // Only erasures are ours: the snapshots of every registration and update are passed over unread.
      subscribe: (consumer, instance) => consumer.subscribe(workersTopic, forgetOnWorkerErased(() => instance.intake), { types: ['worker.erased'] }),
    }),
  );

  // Hooks every route below gets: employer tokens, then rate limits and idempotency (after auth).
  await app.register(employerAuthPlugin, { tokens, ...(overrides.clientCacheMs === undefined ? {} : { cacheMs: overrides.clientCacheMs }) });
  await app.register(rateLimitPlugin, { max: config.RATE_LIMIT_MAX, timeWindowMs: config.RATE_LIMIT_WINDOW_MS });
  await app.register(idempotencyPlugin, { ttlMs: config.IDEMPOTENCY_TTL_HOURS * 3600_000 });

  await app.register(wellKnownRoutes, { publicJwk: signingKey.publicJwk });
  await app.register(oauthRoutes, { tokens, rateLimitMax: config.TOKEN_RATE_LIMIT_MAX, rateLimitWindowMs: config.RATE_LIMIT_WINDOW_MS });
  await app.register(employerRoutes, { prefix: '/v1' });
  await app.register(clientRoutes, { prefix: '/v1' });
  await app.register(vacancyRoutes, { prefix: '/v1' });
  await app.register(placementRoutes, { prefix: '/v1' });
  await app.register(importRoutes, { prefix: '/v1', limitBytes: config.IMPORT_LIMIT_BYTES, maxRows: config.IMPORT_MAX_ROWS });
  return app;
}
