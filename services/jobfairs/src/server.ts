import { loadConfig, runService, startTelemetry } from '@ketnoi/service-kit';
import { configSchema } from './config.js';

const config = loadConfig(configSchema);
const telemetry = startTelemetry({
  serviceName: config.SERVICE_NAME,
  serviceVersion: config.SERVICE_VERSION,
  otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
});
// Instrumentations patch fastify, mongoose and kafkajs as they load: import the app after startTelemetry().
const { buildApp } = await import('./app.js');
await runService({ build: () => buildApp(config), config, telemetry });
