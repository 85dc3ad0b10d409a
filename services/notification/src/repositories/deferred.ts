import { Schema, type Connection, type Model } from 'mongoose';
import type { WorkerChannel } from '../domain/types.js';

export interface DeferredDoc {
  _id: string;
  matchId: string;
  vacancyId: string;
  workerId: string;
  channel: WorkerChannel;
  causeEventId: string;
  proposedAt: Date;
  until: Date;
}

const deferredSchema = new Schema<DeferredDoc>(
  { _id: String, matchId: String, vacancyId: String, workerId: String, channel: String, causeEventId: String, proposedAt: Date, until: Date },
  { versionKey: false },
);

/** Notifications waiting out the quiet hours: a small collection the scheduler scans whole. */
export class Deferred {
  readonly model: Model<DeferredDoc>;

  constructor(connection: Connection) {
    this.model = connection.model<DeferredDoc>('Deferred', deferredSchema, 'deferred');
  }

  async add(doc: DeferredDoc): Promise<void> {
    await this.model.replaceOne({ _id: doc._id }, doc, { upsert: true });
  }

  due(now: Date, limit: number): Promise<DeferredDoc[]> {
    return this.model.find({ until: { $lte: now } }).sort({ until: 1 }).limit(limit).lean<DeferredDoc[]>();
  }

  async done(id: string): Promise<void> {
    await this.model.deleteOne({ _id: id });
  }
}
