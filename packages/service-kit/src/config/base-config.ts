import { z } from 'zod';
import { commaList, kafkaName, mongoUrl, optionalEnv, port } from './env-values.js';

export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * Variables every KetNoi service reads. A service adds its own with
 * `baseConfigSchema.extend({ ... })` and loads the result with `loadConfig`.
 */
export const baseConfigSchema = z.object({
  SERVICE_NAME: z.string().min(1),
  SERVICE_VERSION: z.string().min(1).default('0.1.0'),
  HTTP_HOST: z.string().min(1).default('0.0.0.0'),
  HTTP_PORT: port().default(3000),
  LOG_LEVEL: z.enum(logLevels).default('info'),
  /** How long a graceful shutdown may take before the process is ended anyway. */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  MONGO_URL: mongoUrl(),
  /** Database name; when unset, the one in MONGO_URL's path is used. */
  MONGO_DB_NAME: optionalEnv(z.string().min(1)),
  KAFKA_BROKERS: commaList(),
  /** Consumers' fetches: least bytes to wait for and longest wait (unset: EventConsumer's defaults, any data and 1 s). */
  KAFKA_FETCH_MIN_BYTES: optionalEnv(z.coerce.number().int().min(1)),
  KAFKA_FETCH_MAX_WAIT_MS: optionalEnv(z.coerce.number().int().min(1).max(60_000)),
  /** Base URL of an OTLP/HTTP collector; traces are exported only when it is set. */
  OTEL_EXPORTER_OTLP_ENDPOINT: optionalEnv(z.url()),
  /** Keys of the identity provider; one of AUTH_JWKS_URL and AUTH_JWT_PUBLIC_KEY is needed to accept tokens. */
  AUTH_JWKS_URL: optionalEnv(z.url()),
  /** A PEM (SPKI) public key or a public JWK as JSON, for local runs and tests. */
  AUTH_JWT_PUBLIC_KEY: optionalEnv(z.string()),
  /** Algorithm of AUTH_JWT_PUBLIC_KEY. */
  AUTH_JWT_ALGORITHM: z.string().min(1).default('ES256'),
  AUTH_ISSUER: z.string().min(1),
  AUTH_AUDIENCE: z.string().min(1),
  /** vacancy-intake's `/.well-known/jwks.json`: when set, employers' client-credentials tokens are accepted too (not by vacancy-intake itself). */
  EMPLOYER_JWKS_URL: optionalEnv(z.url()),
  /** `iss` of vacancy-intake's employer tokens. */
  EMPLOYER_TOKEN_ISSUER: z.string().min(1).default('urn:ketnoi:vacancy-intake'),
  /** `aud` of employer tokens; AUTH_AUDIENCE when unset. */
  EMPLOYER_TOKEN_AUDIENCE: optionalEnv(z.string().min(1)),
  /** A KetNoi of its own on shared infrastructure (tests, benchmarks): topics are `<contract name>.<suffix>`. */
  KETNOI_TOPIC_SUFFIX: optionalEnv(kafkaName()),
  /** …and consumer groups `<prefix>.<the service's group>`. */
  KETNOI_GROUP_PREFIX: optionalEnv(kafkaName()),
});

export type BaseConfig = z.output<typeof baseConfigSchema>;
