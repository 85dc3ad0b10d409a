import { FastifyOtelInstrumentation } from '@fastify/otel';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { KafkaJsInstrumentation } from '@opentelemetry/instrumentation-kafkajs';
import { MongoDBInstrumentation } from '@opentelemetry/instrumentation-mongodb';
import { MongooseInstrumentation } from '@opentelemetry/instrumentation-mongoose';

/** Modules patched by the instrumentations below; ESM imports of them are hooked too. */
export const instrumentedModules = ['fastify', 'mongoose', 'mongodb', 'kafkajs'];

const PROBES = ['/health/live', '/health/ready', '/metrics'];

export const createInstrumentations = () => [
  new HttpInstrumentation({
    // Probes and scrapes every few seconds would drown the traces that matter.
    ignoreIncomingRequestHook: (request) => PROBES.includes(request.url?.split('?')[0] ?? ''),
  }),
  new FastifyOtelInstrumentation({ registerOnInitialization: true, ignorePaths: (options) => PROBES.includes(options.url) }),
  new MongoDBInstrumentation(),
  new MongooseInstrumentation(),
  new KafkaJsInstrumentation(),
];
