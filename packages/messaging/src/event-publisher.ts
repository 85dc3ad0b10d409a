import type { TopicDefinition, TopicEvent, TopicEventInput } from '@ketnoi/contracts';
import { CompressionTypes, type Kafka, type Producer } from 'kafkajs';
import type { Logger } from 'pino';
import { buildEvent } from './build-event.js';
import { silentObserver, type EventObserver } from './event-observer.js';
import { sameName, type TopicNamer } from './topic-names.js';
import { TYPE_HEADER } from './subscription.js';
import { traceHeaders } from './trace-headers.js';

export interface EventPublisherOptions {
  kafka: Kafka;
  /** CloudEvents `source` of everything this service publishes, e.g. /ketnoi/registration. */
  source: string;
  logger: Logger;
  observer?: EventObserver;
  topicName?: TopicNamer;
}

/**
 * Publishes validated CloudEvents with an idempotent producer (acks from all
 * in-sync replicas). The Kafka key is the event's subject, the aggregate id,
 * so one aggregate's events stay in order on one partition.
 */
export class EventPublisher {
  private readonly producer: Producer;
  private readonly topicName: TopicNamer;
  private readonly observer: EventObserver;
  private connected = false;

  constructor(private readonly options: EventPublisherOptions) {
    this.producer = options.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    this.topicName = options.topicName ?? sameName;
    this.observer = options.observer ?? silentObserver;
  }

  async connect(): Promise<void> {
    if (this.connected) return;
    await this.producer.connect();
    this.connected = true;
  }

  async disconnect(): Promise<void> {
    if (!this.connected) return;
    this.connected = false;
    await this.producer.disconnect();
  }

  isConnected(): boolean {
    return this.connected;
  }

  /** The CloudEvents `source` this publisher stamps on what it builds. */
  get source(): string {
    return this.options.source;
  }

  /** Validates, builds and publishes events in order; resolves once the broker has them durably. */
  async publish<T extends TopicDefinition>(topic: T, inputs: readonly TopicEventInput<T>[]): Promise<TopicEvent<T>[]> {
    const events = inputs.map((input) => buildEvent(topic, input, this.options.source));
    await this.send(topic, events);
    return events;
  }

  /** Publishes events already built and validated (e.g. by an outbox when the change was made). */
  async send<T extends TopicDefinition>(topic: T, events: readonly TopicEvent<T>[]): Promise<void> {
    if (events.length === 0) return;
    const headers = traceHeaders();
    await this.producer.send({
      topic: this.topicName(topic.name),
      acks: -1,
      compression: CompressionTypes.None,
      messages: events.map((event) => eventMessage(event, headers)),
    });
    for (const event of events) this.observer.published({ topic: topic.name, type: event.type, count: 1 });
  }
}

/**
 * An event as a Kafka message: keyed by its subject, the CloudEvent as JSON,
 * its type in the `ce_type` header (so consumers pass over the types they do
 * not want unread), with `headers` (trace context) added.
 */
export function eventMessage(event: { subject: string; type: string }, headers: Record<string, string> = {}): { key: string; value: string; headers: Record<string, string> } {
  return { key: event.subject, value: JSON.stringify(event), headers: { ...headers, 'content-type': 'application/cloudevents+json', [TYPE_HEADER]: event.type } };
}
