import { baseConfigSchema, optionalEnv } from '@ketnoi/service-kit';
import { z } from 'zod';

const positiveInt = () => z.coerce.number().int().positive();

export const configSchema = baseConfigSchema
  .extend({
    SERVICE_NAME: z.string().min(1).default('vacancy-intake'),
    /** `iss` of the employer tokens this service issues; must differ from AUTH_ISSUER. */
    TOKEN_ISSUER: z.string().min(1).default('urn:ketnoi:vacancy-intake'),
    /** ES256 private key (PKCS#8 PEM, `\n` escapes allowed) employer tokens are signed with; generated at start when unset (local runs only). */
    TOKEN_SIGNING_KEY: optionalEnv(z.string().min(1)),
    /** `kid` of the signing key in the JWKS; default: its JWK thumbprint. */
    TOKEN_KEY_ID: optionalEnv(z.string().min(1).max(100)),
    TOKEN_TTL_SECONDS: positiveInt().max(3600).default(900),
    /** Largest JSON body, bytes (413 above). */
    BODY_LIMIT_BYTES: positiveInt().default(256 * 1024),
    /** Largest import file, bytes (413 above), and most rows in one import. */
    IMPORT_LIMIT_BYTES: positiveInt().default(10 * 1024 * 1024),
    IMPORT_MAX_ROWS: positiveInt().default(5_000),
    /** Requests per client per window, and the window. */
    RATE_LIMIT_MAX: positiveInt().default(600),
    RATE_LIMIT_WINDOW_MS: positiveInt().default(60_000),
    /** Token requests per client id per window. */
    TOKEN_RATE_LIMIT_MAX: positiveInt().default(30),
    /** How often open vacancies are checked for a passed deadline. */
    EXPIRY_INTERVAL_MS: positiveInt().default(60_000),
    /** A folder of replaced reference lists (official CSVs); unset: the packaged lists. */
    REFERENCE_DATA_DIR: optionalEnv(z.string().min(1)),
    INGEST_GROUP_ID: z.string().min(1).default('vacancy-intake.ingest'),
    /** Consumer group of workers.v1 (worker.erased); unset: see `workersGroupId`. */
    WORKERS_GROUP_ID: optionalEnv(z.string().min(1)),
    IDEMPOTENCY_TTL_HOURS: positiveInt().max(24 * 30).default(24),
  })
  .refine((config) => config.TOKEN_ISSUER !== config.AUTH_ISSUER, {
    message: 'TOKEN_ISSUER must differ from AUTH_ISSUER (employer tokens are told apart by their issuer)',
    path: ['TOKEN_ISSUER'],
  });

export type Config = z.output<typeof configSchema>;

/**
 * The workers.v1 group: WORKERS_GROUP_ID, or else INGEST_GROUP_ID with `.ingest`
 * at its end replaced by `.workers` (`vacancy-intake.workers` by default). So a
 * system started with its own ingest group also gets its own workers group,
 * instead of sharing one with every other system on the broker. (Both are
 * then prefixed with KETNOI_GROUP_PREFIX when set, in app.ts.)
 */
export const workersGroupId = (config: Pick<Config, 'INGEST_GROUP_ID' | 'WORKERS_GROUP_ID'>): string =>
  config.WORKERS_GROUP_ID ?? `${config.INGEST_GROUP_ID.replace(/\.ingest$/, '')}.workers`;
