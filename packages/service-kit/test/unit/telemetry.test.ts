import { trace } from '@opentelemetry/api';
import { afterAll, describe, expect, it } from 'vitest';
import { startTelemetry } from '../../src/index.js';
import { memoryLogger } from '../helpers.js';

describe('startTelemetry', () => {
  const telemetry = startTelemetry({ serviceName: 'test-service' });
  afterAll(() => telemetry.shutdown());

  it('can be called twice in one process', () => {
    expect(startTelemetry({ serviceName: 'test-service' })).toBe(telemetry);
  });

  it('puts the active span ids on log lines, with no exporter configured', () => {
    const { logger, lines } = memoryLogger();
    const tracer = trace.getTracer('test');
    const ids = tracer.startActiveSpan('work', (span) => {
      logger.info('inside a span');
      span.end();
      return span.spanContext();
    });
    logger.info('outside');

    const [inside, outside] = lines();
    expect(ids.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(ids.traceId).not.toBe('0'.repeat(32));
    expect(inside).toMatchObject({ trace_id: ids.traceId, span_id: ids.spanId, trace_flags: '01' });
    expect(outside).not.toHaveProperty('trace_id');
  });
});
