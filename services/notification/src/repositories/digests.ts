import { insertNew } from '@ketnoi/service-kit';
import { Schema, type Connection, type Model } from 'mongoose';
import { insertOnce } from './duplicate-key.js';

export interface DigestDoc {
  /** `<workerId>:<day>` */
  _id: string;
  workerId: string;
  day: string;
  dueAt: Date;
}

export interface DigestItemDoc {
  /** `<digestId>:<matchId>` */
  _id: string;
  digestId: string;
  workerId: string;
  matchId: string;
  vacancyId: string;
  proposedAt: Date;
}

/**
 * Daily digests: one due document per worker and day (scanned by the
 * poller, written only by the holder of its lease), insert-only items (one
 * per match folded in), and a `digests_sent` mark per digest so that a match
 * folded in after its digest went out moves on to the next one.
 */
export class Digests {
  readonly due: Model<DigestDoc>;
  readonly items: Model<DigestItemDoc>;
  readonly sent: Model<{ _id: string; at: Date }>;

  constructor(connection: Connection) {
    this.due = connection.model<DigestDoc>(
      'Digest',
      new Schema<DigestDoc>({ _id: String, workerId: String, day: String, dueAt: Date }, { versionKey: false }),
      'digests',
    );
    const itemSchema = new Schema<DigestItemDoc>({ _id: String, digestId: String, workerId: String, matchId: String, vacancyId: String, proposedAt: Date }, { versionKey: false });
    itemSchema.index({ digestId: 1 });
    this.items = connection.model<DigestItemDoc>('DigestItem', itemSchema, 'digest_items');
    this.sent = connection.model<{ _id: string; at: Date }>('DigestSent', new Schema({ _id: String, at: Date }, { versionKey: false }), 'digests_sent');
  }

  /** Folds several matches into their digests in two commands (items, then due documents); those there already stay as they are. */
  async addMany(folds: readonly { digest: DigestDoc; item: Omit<DigestItemDoc, '_id' | 'digestId' | 'workerId'> }[]): Promise<void> {
    if (folds.length === 0) return;
    const items = folds.map(({ digest, item }) => ({ ...item, _id: `${digest._id}:${item.matchId}`, digestId: digest._id, workerId: digest.workerId }));
    await insertNew(this.items.collection, items);
    const due = [...new Map(folds.map(({ digest }) => [digest._id, digest])).values()];
    await insertNew(this.due.collection, due);
  }

  /** Which of these digests went out already (one read). */
  async sentOf(digestIds: readonly string[]): Promise<Set<string>> {
    if (digestIds.length === 0) return new Set();
    const docs = await this.sent.find({ _id: { $in: [...new Set(digestIds)] } }).select({ _id: 1 }).lean<{ _id: string }[]>();
    return new Set(docs.map((doc) => doc._id));
  }

  async markSent(digestId: string, at: Date): Promise<void> {
    await insertOnce(() => this.sent.create({ _id: digestId, at }));
  }

  dueBy(now: Date, limit: number): Promise<DigestDoc[]> {
    return this.due.find({ dueAt: { $lte: now } }).sort({ dueAt: 1 }).limit(limit).lean<DigestDoc[]>();
  }

  get(digestId: string): Promise<DigestDoc | null> {
    return this.due.findById(digestId).lean<DigestDoc>();
  }

  /** FerretDB scans for this filter (a day's items of all digest workers); MongoDB uses the index. */
  itemsOf(digestId: string): Promise<DigestItemDoc[]> {
    return this.items.find({ digestId }).sort({ proposedAt: 1 }).lean<DigestItemDoc[]>();
  }

  async postpone(digestId: string, dueAt: Date): Promise<void> {
    await this.due.updateOne({ _id: digestId }, { $set: { dueAt } });
  }

  /** An erased worker's pending digests go with them. */
  async forget(workerId: string): Promise<void> {
    await this.items.deleteMany({ workerId });
    await this.due.deleteMany({ workerId });
  }

  /** Forgets the sent marks older than `before` (a late match for such a day is long past). */
  async sweepSent(before: Date): Promise<void> {
    await this.sent.deleteMany({ at: { $lt: before } });
  }

  /** The digest went out (or had nothing left to say): its items and due document go. */
  async done(digestId: string, itemIds: string[]): Promise<void> {
    if (itemIds.length > 0) await this.items.deleteMany({ _id: { $in: itemIds } });
    await this.due.deleteOne({ _id: digestId });
  }
}
