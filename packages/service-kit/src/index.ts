export { baseConfigSchema, logLevels, type BaseConfig } from './config/base-config.js';
export { commaList, kafkaName, mongoUrl, namedValues, optionalEnv, port } from './config/env-values.js';
export { groupIdOf, topicNamerOf } from './config/kafka-names.js';
export { ConfigError, loadConfig } from './config/load-config.js';

export { createLogger, createLoggerOptions, type LoggerSettings } from './logger/create-logger.js';
export { REDACTED, redactPaths } from './logger/redact-paths.js';
export { traceMixin } from './logger/trace-mixin.js';

export { problemPlugin, sendProblem } from './errors/error-handler.js';
export { PROBLEM_CONTENT_TYPE, problem, problemType, type Problem, type ProblemIssue } from './errors/problem.js';
export { toProblem } from './errors/to-problem.js';

export { healthPlugin, type HealthOptions } from './health/health-plugin.js';
export { failureName, Readiness, type CheckResult, type ReadinessCheck, type ReadinessReport } from './health/readiness.js';

export { createEventMetrics } from './metrics/event-metrics.js';
export type { EventObserver } from '@ketnoi/messaging';
export { metricsPlugin, type AppMetrics, type MetricsOptions } from './metrics/metrics-plugin.js';

export { startTelemetry, type Telemetry, type TelemetryOptions } from './telemetry/start-telemetry.js';

export { BEARER_SCHEME, openApiPlugin, type OpenApiOptions } from './openapi/openapi-plugin.js';

export { authPlugin, type AuthOptions } from './auth/auth-plugin.js';
export { createDevIssuer, type DevIssuer, type DevIssuerOptions } from './auth/dev-issuer.js';
export { principalSchema, roles, type Principal, type Role } from './auth/principal.js';
export { principalOf, requireRole } from './auth/require-role.js';
export { createTokenVerifier, type TokenChecks, type VerifyToken } from './auth/token-verifier.js';
export { rememberVerified, type VerifiedTokenOptions } from './auth/verified-tokens.js';
export type { KeySource } from './auth/verification-key.js';

export { mongoPlugin, type MongoOptions } from './plugins/mongo.js';
export { insertNew, saveMany, type InsertsMany, type SavesMany } from './store/insert-new.js';
export { packDocument, unpackDocument } from './versioned/packed-heads.js';

export { createServiceApp, type ServiceApp, type ServiceAppOptions } from './app/create-service-app.js';
export { REQUEST_ID_HEADER } from './app/request-id.js';
export { runService, type Runnable, type RunServiceOptions } from './app/run-service.js';
export { listenWhileStarting, type ListenWhileStartingOptions, type StartingService } from './app/listen-while-starting.js';
export { DEFAULT_START_BACKOFF, startRetryDelay, type StartBackoff } from './app/start-backoff.js';
export { kafkaPlugin, type KafkaPluginOptions } from './plugins/kafka.js';
export { consumerPlugin, type ConsumerPluginOptions } from './plugins/consumer.js';
export { addOutbox, pendingEvent, withOutbox, type OutboxFields, type PendingEvent } from './outbox/outbox-fields.js';
export { insertVersion, insertVersions, pendingModelFor, recoverPending, type PendingDoc } from './outbox/pending-index.js';
export { settledMarkersFor, type SettledMarker } from './outbox/settled-markers.js';
export { OutboxRelay, type OutboxRelayOptions } from './outbox/outbox-relay.js';
export { outboxPlugin, type OutboxPluginOptions } from './outbox/outbox-plugin.js';
export { VersionedStore, type AggregateVersion, type SaveInput, type VersionedStoreOptions } from './versioned/versioned-store.js';
export { KeyedMutex } from './versioned/keyed-mutex.js';
export { GroupCommit, type GroupCommitOptions } from './group-commit.js';
export { idempotencyPlugin, type IdempotencyOptions } from './idempotency/idempotency-plugin.js';
export { IDEMPOTENCY_HEADER, REPLAYED_HEADER } from './idempotency/idempotency-key.js';
export { clientKey, rateLimitPlugin, type RateLimitOptions } from './rate-limit/rate-limit-plugin.js';
export { createEventService, type EventServiceOptions } from './app/create-event-service.js';
export { checkJsonBody, checkQuery, requestGuardPlugin, DEFAULT_REQUEST_GUARD, type RequestGuardLimits } from './guard/request-guard.js';
export { employerTokensPlugin, type EmployerAuthOptions } from './auth/employer-tokens.js';
