import { FastifyOtelInstrumentation } from '@fastify/otel';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { KafkaJsInstrumentation } from '@opentelemetry/instrumentation-kafkajs';
import { MongoDBInstrumentation } from '@opentelemetry/instrumentation-mongodb';
import { MongooseInstrumentation } from '@opentelemetry/instrumentation-mongoose';

/** Modules patched by the instrumentations below; ESM imports of them are hooked too. */
export const instrumentedModules = ['fastify', 'mongoose', 'mongodb', 'kafkajs'];

const PROBES = ['/health/live', '/health/ready', '/metrics'];

let fastifyInstrumentation: FastifyOtelInstrumentation | undefined;

/**
 * The fastify instrumentation's plugin, once telemetry has started.
 * createServiceApp registers it itself, after its own first onRoute hook
 * (registering on fastify's initialisation would wrap route hooks before
 * service-kit could read them).
 */
export const fastifyOtelPlugin = () => fastifyInstrumentation?.plugin();

export const createInstrumentations = () => [
  new HttpInstrumentation({
    // Probes and scrapes every few seconds would drown the traces that matter.
    ignoreIncomingRequestHook: (request) => PROBES.includes(request.url?.split('?')[0] ?? ''),
  }),
  (fastifyInstrumentation = new FastifyOtelInstrumentation({ ignorePaths: (options) => PROBES.includes(options.url) })),
  new MongoDBInstrumentation(),
  new MongooseInstrumentation(),
  new KafkaJsInstrumentation(),
];
