import { Schema, type Connection, type Model } from 'mongoose';
import type { WorkerChannel } from '../domain/types.js';

/** What a deferred notification is about, so it can be worded again when its time comes. */
export type DeferredKind = 'match' | 'placement' | 'jobfair-invitation' | 'jobfair-reminder';

export interface DeferredDoc {
  /** `<key>:<channel>`, the delivery it waits for. */
  _id: string;
  kind: DeferredKind;
  key: string;
  template: string;
  workerId: string;
  channel: WorkerChannel;
  causeEventId?: string | undefined;
  until: Date;
  matchId?: string | undefined;
  vacancyId?: string | undefined;
  proposedAt?: Date | undefined;
  startDate?: string | undefined;
  /** The job-fair event's data (display fields only, no personal data), to word the message again. */
  payload?: Record<string, unknown> | undefined;
}

const deferredSchema = new Schema<DeferredDoc>(
  {
    _id: String,
    kind: String,
    key: String,
    template: String,
    workerId: String,
    channel: String,
    causeEventId: String,
    until: Date,
    matchId: String,
    vacancyId: String,
    proposedAt: Date,
    startDate: String,
    payload: Schema.Types.Mixed,
  },
  { versionKey: false },
);

/**
 * Notifications waiting out the quiet hours: a small collection the scheduler
 * scans whole. Only the holder of an item's lease writes it.
 */
export class Deferred {
  readonly model: Model<DeferredDoc>;

  constructor(connection: Connection) {
    this.model = connection.model<DeferredDoc>('Deferred', deferredSchema, 'deferred');
  }

  async add(doc: DeferredDoc): Promise<void> {
    await this.model.replaceOne({ _id: doc._id }, doc, { upsert: true });
  }

  async addMany(docs: readonly DeferredDoc[]): Promise<void> {
    if (docs.length === 0) return;
    await this.model.bulkWrite(docs.map((doc) => ({ replaceOne: { filter: { _id: doc._id }, replacement: doc, upsert: true } })));
  }

  due(now: Date, limit: number): Promise<DeferredDoc[]> {
    return this.model.find({ until: { $lte: now } }).sort({ until: 1 }).limit(limit).lean<DeferredDoc[]>();
  }

  /** Tries again later (a retriable channel failure): a new `until` is a new lease item. */
  async postpone(id: string, until: Date): Promise<void> {
    await this.model.updateOne({ _id: id }, { $set: { until } });
  }

  get(id: string): Promise<DeferredDoc | null> {
    return this.model.findById(id).lean<DeferredDoc>();
  }

  async done(id: string): Promise<void> {
    await this.model.deleteOne({ _id: id });
  }
}
