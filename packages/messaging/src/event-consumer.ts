import type { TopicDefinition } from '@ketnoi/contracts';
import type { Consumer, EachBatchPayload, Kafka, KafkaMessage, Producer } from 'kafkajs';
import type { Logger } from 'pino';
import { assignmentOf, type AssignmentListener } from './assignment.js';
import { defaultRetryPolicy, type RetryPolicy } from './backoff.js';
import { sendToDeadLetter } from './dead-letter.js';
import { decodeEvent } from './decode-event.js';
import { ensureTopics } from './ensure-topics.js';
import { silentObserver, type EventObserver } from './event-observer.js';
import type { BatchContext, BatchEventHandler, BatchItem, BatchSubscriptionOptions, EventHandler, SubscriptionOptions } from './handlers.js';
import { processInTrace } from './process-in-trace.js';
import { runBatch } from './run-batch.js';
import { eachAsBatch, passesOver, TYPE_HEADER, type Subscription } from './subscription.js';
import { sameName, type TopicNamer } from './topic-names.js';

export type { AssignmentListener, TopicAssignment } from './assignment.js';
export type {
  BatchContext,
  BatchEventHandler,
  BatchItem,
  BatchItemOutcome,
  BatchSubscriptionOptions,
  EventHandler,
  SubscriptionOptions,
  HandlerContext,
  Refusal,
} from './handlers.js';

export interface EventConsumerOptions {
  kafka: Kafka;
  groupId: string;
  logger: Logger;
  observer?: EventObserver;
  topicName?: TopicNamer;
  retry?: RetryPolicy;
  /** Where a new consumer group starts. Projections want the whole history. */
  fromBeginning?: boolean;
  /** Longest a fetch waits for data (for `minBytes` of it); also bounds how long stop() waits. */
  maxWaitTimeInMs?: number;
  /**
   * Least data a fetch waits for (default 1 byte: it returns as soon as there
   * is any). More makes fewer, fuller fetches under load, for up to
   * `maxWaitTimeInMs` more latency per hop when traffic is light.
   */
  minBytes?: number;
  /**
   * Partitions handled at the same time (default 1). Order within a partition
   * (so per key) is kept either way; raise it only when the handlers of
   * different keys may run concurrently.
   */
  partitionsConsumedConcurrently?: number;
  /**
   * Told this member's partitions of each subscribed topic after every
   * rebalance (its first join included). kafkajs's eager protocol revokes
   * everything first, so a partition not in it was revoked. Called as the
   * member joins, before any batch of the new assignment is fetched; no batch
   * goes to a handler until a promise it returns settles, so keep it well
   * under the session timeout. A failure is logged and consuming goes on.
   */
  onAssigned?: AssignmentListener;
}

type Decoded = { item: BatchItem<TopicDefinition>; message: KafkaMessage };

/**
 * Consumes CloudEvents at least once: each offset is resolved only after its
 * handler finished (its effect is durable) or the message was dead-lettered.
 * Retriable failures are retried in place with backoff, then handed back to
 * Kafka (the consumer restarts from the last committed offset); anything else
 * goes to the topic's `.dlq` twin with the reason and the consumer moves on.
 * A single-event subscription is handled as batches of one.
 */
export class EventConsumer {
  private readonly consumer: Consumer;
  private readonly dlqProducer: Producer;
  private readonly subscriptions = new Map<string, Subscription>();
  private readonly topicName: TopicNamer;
  private readonly observer: EventObserver;
  private readonly retry: RetryPolicy;
  private readonly log: Logger;
  private running = false;
  private joined = false;
  /** The latest onAssigned call; batches wait for it. */
  private assigning: Promise<void> = Promise.resolve();

  constructor(private readonly options: EventConsumerOptions) {
    this.consumer = options.kafka.consumer({
      groupId: options.groupId,
      allowAutoTopicCreation: false,
      maxWaitTimeInMs: options.maxWaitTimeInMs ?? 1_000,
      minBytes: options.minBytes ?? 1,
    });
    this.dlqProducer = options.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    this.topicName = options.topicName ?? sameName;
    this.observer = options.observer ?? silentObserver;
    this.retry = options.retry ?? defaultRetryPolicy;
    this.log = options.logger.child({ consumerGroup: options.groupId });
    this.consumer.on(this.consumer.events.GROUP_JOIN, ({ payload }) => {
      this.joined = true;
      this.assigned(payload.memberAssignment);
    });
    this.consumer.on(this.consumer.events.CRASH, () => (this.joined = false));
    this.consumer.on(this.consumer.events.STOP, () => (this.joined = false));
  }

  subscribe<T extends TopicDefinition>(topic: T, handler: EventHandler<T>, options: SubscriptionOptions = {}): this {
    return this.add(topic, eachAsBatch(handler as EventHandler<TopicDefinition>), 1, options.types);
  }

  /** Like subscribe(), but the handler gets up to maxBatchSize events of a partition at once. */
  subscribeBatch<T extends TopicDefinition>(
    topic: T,
    handler: BatchEventHandler<T>,
    options: BatchSubscriptionOptions = {},
  ): this {
    const maxBatchSize = options.maxBatchSize ?? 500;
    if (!Number.isInteger(maxBatchSize) || maxBatchSize < 1) throw new Error('maxBatchSize must be a positive integer');
    return this.add(topic, handler as unknown as BatchEventHandler<TopicDefinition>, maxBatchSize, options.types);
  }

  /** Creates the topics and their DLQ twins if missing, joins the group, starts consuming. */
  async start(): Promise<void> {
    const topics = [...this.subscriptions.values()].map((s) => s.topic);
    await ensureTopics(this.options.kafka, topics, { withDeadLetters: true, topicName: this.topicName, logger: this.log });
    await this.dlqProducer.connect();
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: [...this.subscriptions.keys()], fromBeginning: this.options.fromBeginning ?? true });
    this.running = true;
    await this.consumer.run({
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 1,
      eachBatch: (payload) => this.handleBatch(payload),
    });
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    await this.consumer.disconnect();
    await this.dlqProducer.disconnect();
  }

  /** True while the consumer is a live member of its group. */
  isHealthy(): boolean {
    return this.running && this.joined;
  }

  private add(topic: TopicDefinition, handler: BatchEventHandler<TopicDefinition>, maxBatchSize: number, types?: readonly string[]): this {
    if (this.running) throw new Error('subscribe before start()');
    const unknown = types?.filter((type) => !topic.events.some((event) => event.type === type)) ?? [];
    if (unknown.length > 0) throw new Error(`${topic.name} carries no event of type ${unknown.join(', ')}`);
    this.subscriptions.set(this.topicName(topic.name), { topic, handler, maxBatchSize, ...(types === undefined ? {} : { types: new Set(types) }) });
    return this;
  }

  /** Runs inside kafkajs's join (a listener's throw would fail it), so nothing escapes. */
  private assigned(memberAssignment: Record<string, number[]>): void {
    const assignment = assignmentOf(this.subscriptions.keys(), memberAssignment);
    this.log.info({ assignment }, 'partitions assigned');
    const { onAssigned } = this.options;
    if (!onAssigned) return;
    const failed = (error: unknown) => this.log.error({ err: error, assignment }, 'onAssigned failed');
    try {
      this.assigning = Promise.resolve(onAssigned(assignment)).catch(failed);
    } catch (error) {
      failed(error);
      this.assigning = Promise.resolve();
    }
  }

  /** Kafka's batch, in chunks of the subscription's size; each chunk's offsets resolved once it took effect. */
  private async handleBatch(payload: EachBatchPayload): Promise<void> {
    const { batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale } = payload;
    const subscription = this.subscriptions.get(batch.topic);
    if (!subscription) return;
    const { topic, partition } = batch;
    await this.assigning;
    const context: BatchContext = { topic, partition, attempt: 1, log: this.log.child({ topic, partition }), heartbeat };
    try {
      for (let start = 0; start < batch.messages.length; start += subscription.maxBatchSize) {
        if (!isRunning() || isStale()) break;
        const messages = batch.messages.slice(start, start + subscription.maxBatchSize);
        await this.handleChunk(subscription, messages, context);
        const last = messages[messages.length - 1];
        if (last) {
          resolveOffset(last.offset);
          const lag = Number(BigInt(batch.highWatermark) - BigInt(last.offset) - 1n);
          this.observer.lag({ topic, partition, group: this.options.groupId, lag });
        }
        await heartbeat();
      }
    } finally {
      // Keep what was done even when a chunk is handed back for redelivery.
      await commitOffsetsIfNecessary();
    }
  }

  /** Poison is dead-lettered first; the rest goes to the handler, and what it rejects to the DLQ. */
  private async handleChunk(subscription: Subscription, messages: KafkaMessage[], context: BatchContext): Promise<void> {
    const started = process.hrtime.bigint();
    const contractTopic = subscription.topic.name;
    const decoded: Decoded[] = [];
    for (const message of messages) {
      if (passesOver(subscription, message.headers)) {
        this.observer.handled({ topic: contractTopic, type: String(message.headers![TYPE_HEADER]), outcome: 'ignored', seconds: 0 });
        continue;
      }
      const result = decodeEvent(subscription.topic, message.value);
      if (result.ok && subscription.types !== undefined && !subscription.types.has(result.event.type)) {
        this.observer.handled({ topic: contractTopic, type: result.event.type, outcome: 'ignored', seconds: 0 });
        continue;
      }
      if (result.ok) {
        decoded.push({ item: { event: result.event, offset: message.offset, headers: message.headers ?? {} }, message });
        continue;
      }
      await this.deadLetter(context, message, result.code, result.reason);
      this.observer.handled({ topic: contractTopic, type: result.type ?? 'unknown', outcome: 'dead-lettered', seconds: 0 });
    }
    if (decoded.length === 0) return;
    const items = decoded.map((d) => d.item);
    const outcomes = await processInTrace(context.topic, items[0]?.headers, () =>
      runBatch(subscription.handler, items, context, this.retry),
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9 / items.length;
    for (const [index, { item, message }] of decoded.entries()) {
      const outcome = outcomes[index] ?? { result: 'ok' as const };
      if (outcome.deadLetter) await this.deadLetter(context, message, outcome.deadLetter.code, outcome.deadLetter.reason);
      this.observer.handled({ topic: contractTopic, type: item.event.type, outcome: outcome.result, seconds });
    }
  }

  private async deadLetter({ topic, partition }: BatchContext, message: KafkaMessage, code: string, reason: string) {
    await sendToDeadLetter(this.dlqProducer, { topic, partition, message, group: this.options.groupId, code, reason });
    this.log.warn({ topic, partition, offset: message.offset, code, reason }, 'message dead-lettered');
  }
}
