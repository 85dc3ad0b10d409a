import { randomUUID } from 'node:crypto';
import type { TopicDefinition, TopicEvent, TopicEventInput } from '@ketnoi/contracts';
import { KetNoiError } from '@ketnoi/errors';
import { describeIssues } from './describe-issues.js';

/**
 * Turns what a producer hands over into a complete CloudEvent, validated by
 * the same schema consumers use. An invalid event is a bug in the producer:
 * it is refused before it reaches the broker.
 */
export function buildEvent<T extends TopicDefinition>(
  topic: T,
  input: TopicEventInput<T>,
  source: string,
  now: () => Date = () => new Date(),
): TopicEvent<T> {
  const definition = topic.events.find((event) => event.type === input.type);
  if (!definition) {
    throw new KetNoiError('UNKNOWN_EVENT_TYPE', `${topic.name} carries no event of type ${input.type}`);
  }
  const candidate = {
    specversion: '1.0',
    id: input.id ?? randomUUID(),
    source,
    type: input.type,
    time: input.time ?? now().toISOString(),
    subject: input.subject,
    datacontenttype: 'application/json',
    data: input.data,
  };
  const parsed = definition.envelope.safeParse(candidate);
  if (!parsed.success) {
    throw new KetNoiError('EVENT_INVALID', `${input.type} refused: ${describeIssues(parsed.error.issues)}`, {
      details: { type: input.type },
    });
  }
  return parsed.data as TopicEvent<T>;
}
