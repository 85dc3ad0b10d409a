// A service started with its own topics and consumer groups, for a second
// KetNoi on shared infrastructure (the end-to-end test, benchmarks):
//   node dist/service-entry.js <service>
// with the service's usual environment plus KETNOI_TOPIC_SUFFIX (topics are
// `<contract name>.<suffix>`) and KETNOI_GROUP_PREFIX (groups `<prefix>.<service>`).
// It does what the service's own server.ts does, with those two overrides of
// its buildApp. The service is loaded from its build (services/<name>/dist), so
// the launcher does not depend on the services' sources.
import { withSuffix, type TopicNamer } from '@ketnoi/messaging';
import { loadConfig, optionalEnv, runService, startTelemetry, type Runnable } from '@ketnoi/service-kit';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z, type ZodType } from 'zod';
import { SERVICE_NAMES } from './system/service-specs.js';

/** What a service's index exports: its config schema (under its own name) and buildApp. */
interface ServiceModule {
  buildApp: (config: unknown, overrides: { topicName?: TopicNamer; groupId?: string }) => Promise<Runnable>;
  [schema: string]: unknown;
}

const CONFIG_EXPORT = {
  registration: 'registrationConfigSchema',
  'vacancy-intake': 'configSchema',
  matching: 'matchingConfigSchema',
  notification: 'notificationConfigSchema',
  analytics: 'analyticsConfigSchema',
  jobfairs: 'configSchema',
} as const;

const name = z.string().regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, dot, dash, underscore');
const entryConfig = loadConfig(
  z.object({
    SERVICE_NAME: z.string().min(1),
    OTEL_EXPORTER_OTLP_ENDPOINT: optionalEnv(z.url()),
    KETNOI_TOPIC_SUFFIX: optionalEnv(name),
    KETNOI_GROUP_PREFIX: optionalEnv(name),
  }),
);
const service = z.enum(SERVICE_NAMES).parse(process.argv[2]);
// Telemetry first: instrumentations patch fastify, mongoose and kafkajs as they load.
const telemetry = startTelemetry({ serviceName: entryConfig.SERVICE_NAME, otlpEndpoint: entryConfig.OTEL_EXPORTER_OTLP_ENDPOINT });
const topicName = entryConfig.KETNOI_TOPIC_SUFFIX ? withSuffix(entryConfig.KETNOI_TOPIC_SUFFIX) : undefined;
// vacancy-intake takes its ingest group from INGEST_GROUP_ID (the launcher sets it) and no groupId override.
const groupId = entryConfig.KETNOI_GROUP_PREFIX && service !== 'vacancy-intake' ? `${entryConfig.KETNOI_GROUP_PREFIX}.${service}` : undefined;

const root = join(import.meta.dirname, '../../..');
const module = (await import(pathToFileURL(join(root, 'services', service, 'dist/index.js')).href)) as ServiceModule;
const schema = module[CONFIG_EXPORT[service]] as ZodType<{ HTTP_HOST: string; HTTP_PORT: number; SHUTDOWN_TIMEOUT_MS: number }>;
const config = loadConfig(schema);
await runService({
  build: () => module.buildApp(config, { ...(topicName ? { topicName } : {}), ...(groupId ? { groupId } : {}) }),
  config,
  telemetry,
});
