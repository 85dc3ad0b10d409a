import { insertNew } from '@ketnoi/service-kit';
import { Schema, type Connection, type Model } from 'mongoose';
import type { WebhookEventType } from './webhook-subscriptions.js';

export interface WebhookJob {
  /** `<subscriptionId>:<cause>`: one delivery per subscription and cause. */
  _id: string;
  subscriptionId: string;
  employerId: string;
  type: WebhookEventType;
  body: string;
  firstAt: Date;
  nextAt: Date;
  attempts: number;
  lastError?: string;
}

const jobFields = {
  _id: String,
  subscriptionId: String,
  employerId: String,
  type: String,
  body: String,
  firstAt: Date,
  nextAt: Date,
  attempts: Number,
  lastError: String,
};

/**
 * Webhook deliveries: a permanent claim per (subscription, cause) that makes
 * enqueueing idempotent, a small queue the scheduler scans (a queued job is
 * written only by the holder of its lease), and the parked deliveries that
 * ran out of time.
 */
export class WebhookQueue {
  readonly claims: Model<{ _id: string; at: Date }>;
  readonly queue: Model<WebhookJob>;
  readonly parked: Model<WebhookJob & { parkedAt: Date }>;

  constructor(connection: Connection) {
    this.claims = connection.model<{ _id: string; at: Date }>(
      'WebhookClaim',
      new Schema<{ _id: string; at: Date }>({ _id: String, at: Date }, { versionKey: false }),
      'webhook_claims',
    );
    this.queue = connection.model<WebhookJob>('WebhookJob', new Schema<WebhookJob>(jobFields, { versionKey: false }), 'webhook_queue');
    this.parked = connection.model<WebhookJob & { parkedAt: Date }>(
      'WebhookParked',
      new Schema<WebhookJob & { parkedAt: Date }>({ ...jobFields, parkedAt: Date }, { versionKey: false }),
      'webhook_dead_letters',
    );
  }

  /** Which of these deliveries were queued before (one read). */
  async claimedOf(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const docs = await this.claims.find({ _id: { $in: [...new Set(ids)] } }).select({ _id: 1 }).lean<{ _id: string }[]>();
    return new Set(docs.map((doc) => doc._id));
  }

  /** Queues several deliveries, each unless queued before (a claim each, then the queue); returns the ids that were new. */
  async enqueueMany(jobs: readonly WebhookJob[]): Promise<Set<string>> {
    const claims = jobs.map((job) => ({ _id: job._id, at: job.firstAt }));
    const taken = await insertNew(this.claims.collection, claims);
    const fresh = jobs.filter((_, index) => !taken.has(claims[index]!));
    if (fresh.length > 0) await this.queue.bulkWrite(fresh.map((job) => ({ replaceOne: { filter: { _id: job._id }, replacement: job, upsert: true } })));
    return new Set(fresh.map((job) => job._id));
  }

  due(now: Date, limit: number): Promise<WebhookJob[]> {
    return this.queue.find({ nextAt: { $lte: now } }).sort({ nextAt: 1 }).limit(limit).lean<WebhookJob[]>();
  }

  get(id: string): Promise<WebhookJob | null> {
    return this.queue.findById(id).lean<WebhookJob>();
  }

  async retryLater(job: WebhookJob, nextAt: Date, lastError: string): Promise<void> {
    await this.queue.updateOne({ _id: job._id }, { $set: { nextAt, lastError, attempts: job.attempts + 1 } });
  }

  async done(id: string): Promise<void> {
    await this.queue.deleteOne({ _id: id });
  }

  async park(job: WebhookJob, at: Date, lastError: string): Promise<void> {
    await this.parked.replaceOne({ _id: job._id }, { ...job, attempts: job.attempts + 1, lastError, parkedAt: at }, { upsert: true });
    await this.done(job._id);
  }

  parkedOf(employerId: string, limit: number) {
    return this.parked.find({ employerId }).sort({ parkedAt: -1 }).limit(limit).lean<(WebhookJob & { parkedAt: Date })[]>();
  }
}
