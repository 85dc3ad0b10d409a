import type { TopicDefinition, TopicEvent } from '@ketnoi/contracts';
import type { EventPublisher } from '@ketnoi/messaging';
import type { Model } from 'mongoose';
import type { Logger } from 'pino';
import type { PendingEvent } from './outbox-fields.js';
import { pendingModelFor, recoverPending, type PendingDoc } from './pending-index.js';

export interface OutboxRelayOptions {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  model: Model<any>;
  publisher: EventPublisher;
  /** The topics this outbox may carry, by contract name. */
  topics: readonly TopicDefinition[];
  logger: Logger;
  batchSize?: number;
  /** How often to look for pending events when nobody kicks the relay. */
  idleMs?: number;
  /** How often to look for versions whose pending-index entry a crash lost. */
  recoverEveryMs?: number;
  /** Only versions at least this old are re-indexed (younger ones are being indexed by their writer). */
  recoverAfterMs?: number;
}

/**
 * Publishes the events waiting in aggregate versions' embedded outboxes,
 * oldest version first, then marks those versions published and empties their
 * outboxes. A crash between
 * the two publishes again: delivery is at least once, and consumers skip
 * versions they have applied.
 */
export class OutboxRelay {
  private running = false;
  private lastRecovery = 0;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private readonly topics: Map<string, TopicDefinition>;

  constructor(private readonly options: OutboxRelayOptions) {
    this.topics = new Map(options.topics.map((topic) => [topic.name, topic]));
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.kick();
    await this.loop;
  }

  /** Asks the relay to look now (after a write) instead of at the next idle tick. */
  kick(): void {
    this.wake?.();
  }

  /** Publishes one batch of pending versions; returns how many events went out. */
  async flushOnce(): Promise<number> {
    const pending = pendingModelFor(this.options.model);
    // Natural (insertion) order with no sort: FerretDB sorts in Go after reading the
    // whole collection, which starves writers once the index grows. Versions of one
    // aggregate are indexed in version order; the stable sort below keeps them so
    // within a batch.
    const docs = ((await pending.find().limit(this.options.batchSize ?? 200).lean()) as PendingDoc[]).sort((a, b) => a.order - b.order);
    if (docs.length === 0) return 0;
    const events = docs.flatMap((doc) => doc.events);
    await this.publishInOrder(events);
    // Emptied once published: events may carry personal data that must not linger at rest.
    // One updateOne each: on FerretDB 1.24 a bulkWrite of updates on a collection
    // others keep inserting into can stall the whole database
    // (services/vacancy-intake/bench/ferretdb-bulk-update-stall.ts).
    for (const doc of docs) {
      await this.options.model.updateOne({ _id: doc._id }, { $set: { outboxPending: false, outbox: [] } });
    }
    await pending.bulkWrite(docs.map((doc) => ({ deleteOne: { filter: { _id: doc._id } } })), { ordered: false });
    return events.length;
  }

  /** Rebuilds lost pending-index entries; returns how many. */
  async recover(): Promise<number> {
    const grace = this.options.recoverAfterMs ?? 60_000;
    const recovered = await recoverPending(this.options.model, grace > 0 ? new Date(Date.now() - grace) : undefined);
    if (recovered > 0) this.options.logger.warn({ recovered }, 'outbox: re-indexed unpublished versions');
    this.lastRecovery = Date.now();
    return recovered;
  }

  private async publishInOrder(events: readonly PendingEvent[]): Promise<void> {
    const byTopic = new Map<string, PendingEvent[]>();
    for (const event of events) {
      const group = byTopic.get(event.topic);
      if (group) group.push(event);
      else byTopic.set(event.topic, [event]);
    }
    for (const [name, pending] of byTopic) {
      const topic = this.topics.get(name);
      if (!topic) throw new Error(`outbox holds an event for ${name}, which this relay does not publish`);
      // Validated against the contract when the change was made (pendingEvent): sent as they are.
      const source = this.options.publisher.source;
      const events = pending.map(({ id, type, subject, time, data }) => ({
        specversion: '1.0' as const,
        id,
        source,
        type,
        time,
        subject,
        datacontenttype: 'application/json' as const,
        data,
      }));
      await this.options.publisher.send(topic, events as TopicEvent<TopicDefinition>[]);
    }
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        if (Date.now() - this.lastRecovery > (this.options.recoverEveryMs ?? 600_000)) await this.recover();
        const published = await this.flushOnce();
        failures = 0;
        if (published > 0) continue;
      } catch (error) {
        failures += 1;
        this.options.logger.warn({ err: error, failures }, 'outbox relay failed; will retry');
      }
      const idleMs = this.options.idleMs ?? 500;
      const idle = failures === 0 ? idleMs : Math.min(idleMs * 2 ** failures, 10_000);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, idle);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }
}
