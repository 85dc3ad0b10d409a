import { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { defaultResource, resourceFromAttributes } from '@opentelemetry/resources';
import { NodeSDK, type NodeSDKConfiguration } from '@opentelemetry/sdk-node';
import { register as registerEsmHooks, supportsSyncHooks } from 'import-in-the-middle/register-hooks.mjs';
import { createInstrumentations, instrumentedModules } from './instrumentations.js';

export interface TelemetryOptions {
  serviceName: string;
  serviceVersion?: string;
  /** Base URL of an OTLP/HTTP collector (`http://collector:4318`); no export without it. */
  otlpEndpoint?: string | undefined;
}

export interface Telemetry {
  shutdown(): Promise<void>;
}

type SpanProcessor = NonNullable<NodeSDKConfiguration['spanProcessors']>[number];

// Spans are still created (ids for log correlation, context for Kafka
// headers) but go nowhere when no collector is configured.
const discardSpans: SpanProcessor = {
  onStart: () => {},
  onEnd: () => {},
  forceFlush: async () => {},
  shutdown: async () => {},
};

const STARTED = Symbol.for('ketnoi.service-kit.telemetry');
type Holder = { [STARTED]?: Telemetry };

const tracesUrl = (endpoint: string) => `${endpoint.replace(/\/+$/, '')}/v1/traces`;

/**
 * Starts OpenTelemetry tracing: HTTP, fastify, MongoDB/mongoose and kafkajs,
 * W3C trace context. Call it in server.ts BEFORE importing the app
 * (`const { buildApp } = await import('./app.js')`), since instrumentations
 * patch modules as they load. A second call returns the first one's handle.
 */
export function startTelemetry(options: TelemetryOptions): Telemetry {
  const holder = globalThis as Holder;
  const running = holder[STARTED];
  if (running) return running;

  // ESM imports bypass require(); this in-thread hook lets instrumentations patch them.
  if (supportsSyncHooks()) registerEsmHooks({ include: instrumentedModules });

  const sdk = new NodeSDK({
    serviceName: options.serviceName,
    resource: defaultResource().merge(
      resourceFromAttributes(options.serviceVersion ? { 'service.version': options.serviceVersion } : {}),
    ),
    instrumentations: createInstrumentations(),
    textMapPropagator: new CompositePropagator({
      propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()],
    }),
    spanProcessors: options.otlpEndpoint ? undefined : [discardSpans],
    traceExporter: options.otlpEndpoint ? new OTLPTraceExporter({ url: tracesUrl(options.otlpEndpoint) }) : undefined,
    // Metrics are Prometheus (prom-client) and logs are pino on stdout.
    metricReaders: [],
    logRecordProcessors: [],
  });
  sdk.start();

  let stopped: Promise<void> | undefined;
  const telemetry: Telemetry = {
    shutdown: () => (stopped ??= sdk.shutdown()),
  };
  holder[STARTED] = telemetry;
  return telemetry;
}
