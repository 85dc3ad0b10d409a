import type { TopicDefinition } from '@ketnoi/contracts';
import type { BatchEventHandler, EventHandler } from './handlers.js';

/** Every subscription is consumed in batches; a single-event one is a batch of one. */
export interface Subscription {
  topic: TopicDefinition;
  handler: BatchEventHandler<TopicDefinition>;
  maxBatchSize: number;
  /** Undefined: every type. */
  types?: ReadonlySet<string>;
}

/** The header naming a message's event type (CloudEvents' Kafka binding), so a consumer can pass over types it does not want without parsing them. */
export const TYPE_HEADER = 'ce_type';

/** Whether a subscription passes over a message unread: it wants some types only, and the header names another. */
export function passesOver(subscription: Subscription, headers: Record<string, unknown> | undefined): boolean {
  const type = headers?.[TYPE_HEADER];
  return subscription.types !== undefined && type !== undefined && !subscription.types.has(String(type));
}

/** A single-event handler as a batch handler of one, with the per-event context it always had. */
export const eachAsBatch =
  (handler: EventHandler<TopicDefinition>): BatchEventHandler<TopicDefinition> =>
  async (items, { topic, partition, attempt, log }) => {
    const [item] = items;
    if (!item || items.length !== 1) throw new Error(`a single-event handler got ${items.length} events`);
    const { event, offset, headers } = item;
    const eventLog = log.child({ offset, eventId: event.id, eventType: event.type });
    const result = await handler(event, { topic, partition, offset, headers, attempt, log: eventLog });
    return [result === 'duplicate' ? 'duplicate' : 'ok'];
  };
