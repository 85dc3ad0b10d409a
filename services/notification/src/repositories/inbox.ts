import { insertNew } from '@ketnoi/service-kit';
import { Schema, type Connection, type Model } from 'mongoose';
import type { Language } from '../domain/types.js';
import { insertOnce } from './duplicate-key.js';

/** What an inbox item is about. */
export type InboxKind = 'match' | 'placement' | 'digest' | 'jobfair';

export interface InboxItem {
  /** The notice's key: the matchId, `placement:<id>`, `digest:<workerId>:<day>`. */
  _id: string;
  workerId: string;
  kind?: InboxKind | undefined;
  matchId?: string | undefined;
  vacancyId?: string | undefined;
  language: Language;
  title: string;
  body: string;
  at: Date;
  readAt?: Date | null;
}

const inboxSchema = new Schema<InboxItem>(
  { _id: String, workerId: String, kind: String, matchId: String, vacancyId: String, language: String, title: String, body: String, at: Date, readAt: Date },
  { versionKey: false },
);
inboxSchema.index({ workerId: 1, at: -1 });

/** The in-app inbox: one item per notice (`_id` = its key), so a redelivery cannot add a second. */
export class Inbox {
  readonly model: Model<InboxItem>;

  constructor(connection: Connection) {
    this.model = connection.model<InboxItem>('InboxItem', inboxSchema, 'inbox');
  }

  add(item: InboxItem): Promise<boolean> {
    return insertOnce(() => this.model.create(item));
  }

  /** Adds several items in one command; an item whose key is there already stays as it was. */
  async addMany(items: readonly InboxItem[]): Promise<void> {
    await insertNew(this.model, items);
  }

  /** Newest first. FerretDB scans for this filter; MongoDB uses the (workerId, at) index. */
  list(workerId: string, limit: number): Promise<InboxItem[]> {
    return this.model.find({ workerId }).sort({ at: -1 }).limit(limit).lean<InboxItem[]>();
  }

  get(itemId: string): Promise<InboxItem | null> {
    return this.model.findById(itemId).lean<InboxItem>();
  }

  async markRead(itemId: string, at: Date): Promise<void> {
    await this.model.updateOne({ _id: itemId }, { $set: { readAt: at } });
  }

  async forget(workerId: string): Promise<void> {
    await this.model.deleteMany({ workerId });
  }
}
