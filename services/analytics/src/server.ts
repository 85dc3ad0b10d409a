import { loadConfig, runService, startTelemetry } from '@ketnoi/service-kit';
import { analyticsConfigSchema } from './config.js';

const config = loadConfig(analyticsConfigSchema);
const telemetry = startTelemetry({ serviceName: config.SERVICE_NAME, otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT });
// Imported after telemetry starts, so fastify, mongoose and kafkajs are instrumented.
const { buildApp } = await import('./app.js');
await runService({ build: () => buildApp(config), config, telemetry });
