import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { IHeaders } from 'kafkajs';
import { contextFromHeaders } from './trace-headers.js';

const tracer = trace.getTracer('@ketnoi/messaging');

/** Runs a message's handling inside a consumer span that continues the producer's trace. */
export function processInTrace<R>(topic: string, headers: IHeaders | undefined, work: () => Promise<R>): Promise<R> {
  const parent = contextFromHeaders(headers);
  return tracer.startActiveSpan(`${topic} process`, { kind: SpanKind.CONSUMER }, parent, async (span) => {
    try {
      return await work();
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
      throw error;
    } finally {
      span.end();
    }
  });
}
