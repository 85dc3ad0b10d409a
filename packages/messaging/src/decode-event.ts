import { cloudEventEnvelope, type TopicDefinition, type TopicEvent } from '@ketnoi/contracts';
import { describeIssues } from './describe-issues.js';

export type RejectionCode = 'EMPTY_MESSAGE' | 'TOO_LARGE' | 'INVALID_JSON' | 'INVALID_ENVELOPE' | 'UNKNOWN_TYPE' | 'SCHEMA_MISMATCH';

export type Decoded<T extends TopicDefinition> =
  | { ok: true; event: TopicEvent<T> }
  | { ok: false; code: RejectionCode; reason: string; type?: string };

export const MAX_EVENT_BYTES = 1_000_000;

/** Parses and validates one Kafka message value against a topic's contract. */
export function decodeEvent<T extends TopicDefinition>(topic: T, value: Buffer | null): Decoded<T> {
  if (value === null || value.length === 0) return { ok: false, code: 'EMPTY_MESSAGE', reason: 'message has no value' };
  if (value.length > MAX_EVENT_BYTES) {
    return { ok: false, code: 'TOO_LARGE', reason: `message of ${value.length} bytes exceeds ${MAX_EVENT_BYTES}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(value.toString('utf8'));
  } catch (error) {
    return { ok: false, code: 'INVALID_JSON', reason: `not JSON: ${(error as Error).message}` };
  }
  const envelope = cloudEventEnvelope.safeParse(json);
  if (!envelope.success) {
    return { ok: false, code: 'INVALID_ENVELOPE', reason: `not a CloudEvent: ${describeIssues(envelope.error.issues)}` };
  }
  const type = envelope.data.type;
  const definition = topic.events.find((event) => event.type === type);
  if (!definition) {
    return { ok: false, code: 'UNKNOWN_TYPE', reason: `${topic.name} carries no event of type ${type}`, type };
  }
  // The envelope is checked; only the data is left to check against the event's schema.
  const data = definition.data.safeParse(envelope.data.data);
  if (!data.success) {
    const issues = data.error.issues.map((issue) => ({ ...issue, path: ['data', ...issue.path] }));
    return { ok: false, code: 'SCHEMA_MISMATCH', reason: `${type}: ${describeIssues(issues)}`, type };
  }
  return { ok: true, event: { ...envelope.data, data: data.data } as TopicEvent<T> };
}
