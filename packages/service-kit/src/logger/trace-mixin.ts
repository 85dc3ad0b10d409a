import { context, isSpanContextValid, trace } from '@opentelemetry/api';

/**
 * Adds the active span's ids to every log line, so logs and traces join up.
 * Field names follow the OpenTelemetry log data model.
 */
export function traceMixin(): Record<string, string> {
  const span = trace.getSpan(context.active());
  if (span === undefined) return {};
  const spanContext = span.spanContext();
  if (!isSpanContextValid(spanContext)) return {};
  return {
    trace_id: spanContext.traceId,
    span_id: spanContext.spanId,
    trace_flags: `0${spanContext.traceFlags.toString(16)}`.slice(-2),
  };
}
