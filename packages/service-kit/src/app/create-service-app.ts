import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyServerOptions,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import { authPlugin, type AuthOptions } from '../auth/auth-plugin.js';
import type { BaseConfig } from '../config/base-config.js';
import { problemPlugin } from '../errors/error-handler.js';
import { requestGuardPlugin } from '../guard/request-guard.js';
import { documentSecurity } from '../auth/require-role.js';
import { employerTokensPlugin } from '../auth/employer-tokens.js';
import { fastifyOtelPlugin } from '../telemetry/instrumentations.js';
import { healthPlugin } from '../health/health-plugin.js';
import { createLogger } from '../logger/create-logger.js';
import { metricsPlugin } from '../metrics/metrics-plugin.js';
import { openApiPlugin } from '../openapi/openapi-plugin.js';
import { REQUEST_ID_HEADER, requestId } from './request-id.js';

export type ServiceApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export interface ServiceAppOptions {
  config: BaseConfig;
  /** Defaults to the KetNoi pino logger at LOG_LEVEL on stdout. */
  logger?: Logger;
  /** Overrides the key source and checks taken from config (tests). */
  auth?: Partial<AuthOptions>;
  /** OpenAPI description of the service. */
  description?: string;
  /** Process metrics; turn off in tests that build many apps. */
  defaultMetrics?: boolean;
  /** Time each readiness check may take, ms. */
  readinessTimeoutMs?: number;
  /** Further fastify options (bodyLimit, trustProxy, ...). */
  fastify?: Omit<FastifyServerOptions, 'logger' | 'loggerInstance' | 'genReqId' | 'logController'>;
}

const authFromConfig = (config: BaseConfig): AuthOptions => ({
  issuer: config.AUTH_ISSUER,
  audience: config.AUTH_AUDIENCE,
  jwksUrl: config.AUTH_JWKS_URL,
  publicKey: config.AUTH_JWT_PUBLIC_KEY,
  algorithm: config.AUTH_JWT_ALGORITHM,
});

/**
 * A fastify app with everything a KetNoi service shares: request ids, pino,
 * problem+json errors, health, metrics, OpenAPI and JWT auth. It does not
 * listen; the service registers its own plugins and routes on it.
 */
export async function createServiceApp(options: ServiceAppOptions): Promise<ServiceApp> {
  const { config } = options;
  const logger = options.logger ?? createLogger({ serviceName: config.SERVICE_NAME, level: config.LOG_LEVEL });
  const app = Fastify({
    // Long path parameters reach the routes' schemas (400, problem+json)
    // instead of the router's bare 414; the URL itself stays capped by Node's header limit.
    routerOptions: { maxParamLength: 2048 },
    // Joining a consumer group waits for the broker to drop a dead
    // predecessor (its session timeout, 30 s): after a kill -9 the restarted
    // service must wait that out in onReady, not give up after fastify's 10 s
    // and restart into the same wait (seen in the chaos suite).
    pluginTimeout: 90_000,
    ...options.fastify,
    loggerInstance: logger as FastifyBaseLogger,
    genReqId: requestId,
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
  }).withTypeProvider<ZodTypeProvider>();
  // First of the onRoute hooks: it reads route hooks before OpenTelemetry wraps them.
  app.addHook('onRoute', documentSecurity);
  const otel = fastifyOtelPlugin();
  if (otel) await app.register(otel);

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onRequest', async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
  });

  await app.register(problemPlugin);
  await app.register(requestGuardPlugin);
  await app.register(healthPlugin, { checkTimeoutMs: options.readinessTimeoutMs });
  await app.register(metricsPlugin, { serviceName: config.SERVICE_NAME, defaultMetrics: options.defaultMetrics });
  await app.register(openApiPlugin, {
    title: config.SERVICE_NAME,
    version: config.SERVICE_VERSION,
    description: options.description,
  });
  await app.register(authPlugin, { ...authFromConfig(config), ...options.auth });
  if (config.EMPLOYER_JWKS_URL) {
    await app.register(employerTokensPlugin, {
      issuer: config.EMPLOYER_TOKEN_ISSUER,
      audience: config.EMPLOYER_TOKEN_AUDIENCE ?? config.AUTH_AUDIENCE,
      jwksUrl: config.EMPLOYER_JWKS_URL,
    });
  }
  return app;
}
