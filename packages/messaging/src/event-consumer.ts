import type { TopicDefinition, TopicEvent } from '@ketnoi/contracts';
import { isRetriable } from '@ketnoi/errors';
import type { Consumer, EachBatchPayload, IHeaders, Kafka, KafkaMessage, Producer } from 'kafkajs';
import type { Logger } from 'pino';
import { backoffMs, defaultRetryPolicy, sleep, type RetryPolicy } from './backoff.js';
import { sendToDeadLetter } from './dead-letter.js';
import { decodeEvent } from './decode-event.js';
import { ensureTopics } from './ensure-topics.js';
import { silentObserver, type EventObserver, type HandledOutcome } from './event-observer.js';
import { sameName, type TopicNamer } from './topic-names.js';
import { processInTrace } from './process-in-trace.js';

export interface HandlerContext {
  topic: string;
  partition: number;
  offset: string;
  headers: IHeaders;
  attempt: number;
  log: Logger;
}

/** Handlers return 'duplicate' when the event was already applied (idempotency). */
export type EventHandler<T extends TopicDefinition> = (
  event: TopicEvent<T>,
  context: HandlerContext,
) => Promise<void | 'duplicate'>;

/** One decoded event of a batch, with where it came from. */
export interface BatchItem<T extends TopicDefinition> {
  event: TopicEvent<T>;
  offset: string;
  headers: IHeaders;
}

export interface BatchContext {
  topic: string;
  partition: number;
  attempt: number;
  log: Logger;
}

/**
 * Applies several events of one partition at once (in offset order), so their
 * effects can be written together. It returns one outcome per item ('duplicate'
 * for those already applied) or nothing when every item took effect. It must be
 * idempotent per event: a failed batch is retried, and a batch failing for a
 * reason that is not retriable is split into single events so the one at fault
 * is dead-lettered and the others still apply.
 */
export type BatchEventHandler<T extends TopicDefinition> = (
  items: readonly BatchItem<T>[],
  context: BatchContext,
) => Promise<void | readonly ('ok' | 'duplicate')[]>;

export interface BatchSubscriptionOptions {
  /** Most events handed to the handler at once (default 500). */
  maxBatchSize?: number;
}

export interface EventConsumerOptions {
  kafka: Kafka;
  groupId: string;
  logger: Logger;
  observer?: EventObserver;
  topicName?: TopicNamer;
  retry?: RetryPolicy;
  /** Where a new consumer group starts. Projections want the whole history. */
  fromBeginning?: boolean;
  /** Longest a fetch waits for data; also bounds how long stop() waits. */
  maxWaitTimeInMs?: number;
  /**
   * Partitions handled at the same time (default 1). Order within a partition
   * (so per key) is kept either way; raise it only when the handlers of
   * different keys may run concurrently.
   */
  partitionsConsumedConcurrently?: number;
}

type Subscription =
  | { kind: 'each'; topic: TopicDefinition; handler: EventHandler<TopicDefinition> }
  | { kind: 'batch'; topic: TopicDefinition; handler: BatchEventHandler<TopicDefinition>; maxBatchSize: number };

type Outcome = { result: HandledOutcome; deadLetter?: { code: string; reason: string } };

/**
 * Consumes CloudEvents at least once: each offset is resolved only after its
 * handler finished (its effect is durable) or the message was dead-lettered.
 * Retriable failures are retried in place with backoff, then handed back to
 * Kafka (the consumer restarts from the last committed offset); anything else
 * goes to the topic's `.dlq` twin with the reason and the consumer moves on.
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

  constructor(private readonly options: EventConsumerOptions) {
    this.consumer = options.kafka.consumer({
      groupId: options.groupId,
      allowAutoTopicCreation: false,
      maxWaitTimeInMs: options.maxWaitTimeInMs ?? 1_000,
    });
    this.dlqProducer = options.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    this.topicName = options.topicName ?? sameName;
    this.observer = options.observer ?? silentObserver;
    this.retry = options.retry ?? defaultRetryPolicy;
    this.log = options.logger.child({ consumerGroup: options.groupId });
    this.consumer.on(this.consumer.events.GROUP_JOIN, () => (this.joined = true));
    this.consumer.on(this.consumer.events.CRASH, () => (this.joined = false));
    this.consumer.on(this.consumer.events.STOP, () => (this.joined = false));
  }

  subscribe<T extends TopicDefinition>(topic: T, handler: EventHandler<T>): this {
    if (this.running) throw new Error('subscribe before start()');
    this.subscriptions.set(this.topicName(topic.name), {
      kind: 'each',
      topic,
      handler: handler as EventHandler<TopicDefinition>,
    });
    return this;
  }

  /** Like subscribe(), but the handler gets up to maxBatchSize events of a partition at once. */
  subscribeBatch<T extends TopicDefinition>(
    topic: T,
    handler: BatchEventHandler<T>,
    options: BatchSubscriptionOptions = {},
  ): this {
    if (this.running) throw new Error('subscribe before start()');
    const maxBatchSize = options.maxBatchSize ?? 500;
    if (!Number.isInteger(maxBatchSize) || maxBatchSize < 1) throw new Error('maxBatchSize must be a positive integer');
    this.subscriptions.set(this.topicName(topic.name), {
      kind: 'batch',
      topic,
      handler: handler as unknown as BatchEventHandler<TopicDefinition>,
      maxBatchSize,
    });
    return this;
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

  private async handleBatch(payload: EachBatchPayload): Promise<void> {
    const { batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale } = payload;
    const subscription = this.subscriptions.get(batch.topic);
    if (!subscription) return;
    if (subscription.kind === 'batch') return this.handleInChunks(subscription, payload);
    try {
      for (const message of batch.messages) {
        if (!isRunning() || isStale()) break;
        await this.handleMessage(subscription, batch.topic, batch.partition, message, heartbeat);
        resolveOffset(message.offset);
        const lag = Number(BigInt(batch.highWatermark) - BigInt(message.offset) - 1n);
        this.observer.lag({ topic: batch.topic, partition: batch.partition, group: this.options.groupId, lag });
        await heartbeat();
      }
    } finally {
      // Keep what was done even when a message is handed back for redelivery.
      await commitOffsetsIfNecessary();
    }
  }

  /** Batch subscriptions: poison is dead-lettered, the rest goes to the handler in chunks. */
  private async handleInChunks(
    subscription: Extract<Subscription, { kind: 'batch' }>,
    payload: EachBatchPayload,
  ): Promise<void> {
    const { batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale } = payload;
    const { topic, partition } = batch;
    const log = this.log.child({ topic, partition });
    try {
      for (let start = 0; start < batch.messages.length; start += subscription.maxBatchSize) {
        if (!isRunning() || isStale()) break;
        const messages = batch.messages.slice(start, start + subscription.maxBatchSize);
        const started = process.hrtime.bigint();
        const items: BatchItem<TopicDefinition>[] = [];
        for (const message of messages) {
          const decoded = decodeEvent(subscription.topic, message.value);
          if (decoded.ok) {
            items.push({ event: decoded.event, offset: message.offset, headers: message.headers ?? {} });
            continue;
          }
          await this.deadLetter(topic, partition, message, decoded.code, decoded.reason);
          this.observer.handled({ topic: subscription.topic.name, type: decoded.type ?? 'unknown', outcome: 'dead-lettered', seconds: 0 });
        }
        if (items.length > 0) {
          const outcomes = await processInTrace(topic, items[0]?.headers, () =>
            this.runBatch(subscription, items, { topic, partition, attempt: 1, log }, heartbeat),
          );
          const seconds = Number(process.hrtime.bigint() - started) / 1e9 / items.length;
          for (const [index, item] of items.entries()) {
            const outcome = outcomes[index] ?? { result: 'ok' as const };
            if (outcome.deadLetter) {
              const message = messages.find((m) => m.offset === item.offset);
              if (message) await this.deadLetter(topic, partition, message, outcome.deadLetter.code, outcome.deadLetter.reason);
            }
            this.observer.handled({ topic: subscription.topic.name, type: item.event.type, outcome: outcome.result, seconds });
          }
        }
        const last = messages[messages.length - 1];
        if (last) {
          resolveOffset(last.offset);
          const lag = Number(BigInt(batch.highWatermark) - BigInt(last.offset) - 1n);
          this.observer.lag({ topic, partition, group: this.options.groupId, lag });
        }
        await heartbeat();
      }
    } finally {
      await commitOffsetsIfNecessary();
    }
  }

  /**
   * Runs a batch handler with the same retry rules as single events. A failure
   * that is not retriable is narrowed down by handing the items over one by one,
   * so only the item at fault is dead-lettered.
   */
  private async runBatch(
    subscription: Extract<Subscription, { kind: 'batch' }>,
    items: readonly BatchItem<TopicDefinition>[],
    context: BatchContext,
    heartbeat: () => Promise<void>,
  ): Promise<Outcome[]> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        const results = await subscription.handler(items, { ...context, attempt });
        if (results && results.length !== items.length) {
          throw new Error(`batch handler returned ${results.length} outcomes for ${items.length} events`);
        }
        return items.map((_, index) =>
          results?.[index] === 'duplicate' ? { result: 'duplicate' } : { result: attempt > 1 ? 'retried' : 'ok' },
        );
      } catch (error) {
        const err = error as Error & { code?: string };
        if (!isRetriable(error)) {
          if (items.length === 1) {
            context.log.error({ err, offset: items[0]?.offset }, 'event handler failed; dead-lettering');
            return [{ result: 'dead-lettered', deadLetter: { code: 'HANDLER_FAILED', reason: `${err.code ?? err.name}: ${err.message}` } }];
          }
          context.log.warn({ err, events: items.length }, 'batch failed; handling its events one by one');
          const outcomes: Outcome[] = [];
          for (const item of items) {
            outcomes.push(...(await this.runBatch(subscription, [item], context, heartbeat)));
            await heartbeat();
          }
          return outcomes;
        }
        if (attempt >= this.retry.attempts) {
          context.log.warn({ err, attempt }, 'batch handler still failing; handing the messages back to Kafka');
          throw error;
        }
        const wait = backoffMs(attempt, this.retry);
        context.log.warn({ err, attempt, waitMs: wait }, 'batch handler failed; retrying');
        await sleep(wait);
        await heartbeat();
      }
    }
  }

  private async handleMessage(
    subscription: Extract<Subscription, { kind: 'each' }>,
    topic: string,
    partition: number,
    message: KafkaMessage,
    heartbeat: () => Promise<void>,
  ): Promise<void> {
    const started = process.hrtime.bigint();
    const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
    const decoded = decodeEvent(subscription.topic, message.value);
    const contractTopic = subscription.topic.name;
    if (!decoded.ok) {
      await this.deadLetter(topic, partition, message, decoded.code, decoded.reason);
      this.observer.handled({ topic: contractTopic, type: decoded.type ?? 'unknown', outcome: 'dead-lettered', seconds: seconds() });
      return;
    }
    const event = decoded.event;
    const log = this.log.child({ topic, partition, offset: message.offset, eventId: event.id, eventType: event.type });
    const outcome = await processInTrace(topic, message.headers, () =>
      this.runHandler(subscription, event, { topic, partition, offset: message.offset, headers: message.headers ?? {}, attempt: 1, log }, heartbeat),
    );
    if (outcome.deadLetter) {
      await this.deadLetter(topic, partition, message, outcome.deadLetter.code, outcome.deadLetter.reason);
    }
    this.observer.handled({ topic: contractTopic, type: event.type, outcome: outcome.result, seconds: seconds() });
  }

  private async runHandler(
    subscription: Extract<Subscription, { kind: 'each' }>,
    event: TopicEvent<TopicDefinition>,
    context: HandlerContext,
    heartbeat: () => Promise<void>,
  ): Promise<Outcome> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        const result = await subscription.handler(event, { ...context, attempt });
        if (result === 'duplicate') return { result: 'duplicate' };
        return { result: attempt > 1 ? 'retried' : 'ok' };
      } catch (error) {
        const err = error as Error & { code?: string };
        if (!isRetriable(error)) {
          context.log.error({ err }, 'event handler failed; dead-lettering');
          return { result: 'dead-lettered', deadLetter: { code: 'HANDLER_FAILED', reason: `${err.code ?? err.name}: ${err.message}` } };
        }
        if (attempt >= this.retry.attempts) {
          context.log.warn({ err, attempt }, 'event handler still failing; handing the message back to Kafka');
          throw error;
        }
        const wait = backoffMs(attempt, this.retry);
        context.log.warn({ err, attempt, waitMs: wait }, 'event handler failed; retrying');
        await sleep(wait);
        await heartbeat();
      }
    }
  }

  private async deadLetter(topic: string, partition: number, message: KafkaMessage, code: string, reason: string) {
    await sendToDeadLetter(this.dlqProducer, { topic, partition, message, group: this.options.groupId, code, reason });
    this.log.warn({ topic, partition, offset: message.offset, code, reason }, 'message dead-lettered');
  }
}
