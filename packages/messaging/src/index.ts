export { createKafka, type KafkaClientOptions } from './kafka-client.js';
export { ensureTopics, type EnsureTopicsOptions } from './ensure-topics.js';
export { EventPublisher, eventMessage, type EventPublisherOptions } from './event-publisher.js';
export {
  EventConsumer,
  type AssignmentListener,
  type BatchContext,
  type BatchEventHandler,
  type BatchItem,
  type BatchItemOutcome,
  type BatchSubscriptionOptions,
  type EventConsumerOptions,
  type EventHandler,
  type HandlerContext,
  type Refusal,
  type SubscriptionOptions,
  type TopicAssignment,
} from './event-consumer.js';
export { silentObserver, type EventObserver, type HandledOutcome } from './event-observer.js';
export { sameName, withSuffix, type TopicNamer } from './topic-names.js';
export { buildEvent } from './build-event.js';
export { TYPE_HEADER } from './subscription.js';
export { decodeEvent, MAX_EVENT_BYTES, type Decoded, type RejectionCode } from './decode-event.js';
export { defaultRetryPolicy, backoffMs, type RetryPolicy } from './backoff.js';
export { traceHeaders, contextFromHeaders } from './trace-headers.js';
