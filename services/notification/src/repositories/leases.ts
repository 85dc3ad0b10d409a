import { Schema, type Connection, type Model } from 'mongoose';
import { takeLease, type LeaseDoc, type LeaseStore } from '../domain/lease-chain.js';
import { insertOnce } from './duplicate-key.js';

/**
 * Leases of the pollers' due items (deferred sends, webhook tries, digests),
 * so that two instances never work on the same item at once: each lease is a
 * unique insert by `_id` (FerretDB refuses the second insert of a key even
 * though it cannot update atomically). Items name their version
 * (`deferred:<id>:<untilMs>`), so a postponed item is a new chain.
 */
export class Leases {
  readonly model: Model<LeaseDoc>;
  private readonly store: LeaseStore;

  constructor(
    connection: Connection,
    readonly holder: string,
    private readonly ttlMs: number,
  ) {
    this.model = connection.model<LeaseDoc>(
      'Lease',
      new Schema<LeaseDoc>({ _id: String, item: String, holder: String, expiresAt: Date }, { versionKey: false }),
      'leases',
    );
    this.store = {
      insert: (doc) => insertOnce(() => this.model.create(doc)),
      get: (id) => this.model.findById(id).lean<LeaseDoc>(),
    };
  }

  /** True when this instance now holds the item; false when another one does. */
  async take(item: string, now: Date): Promise<boolean> {
    return (await takeLease(this.store, item, this.holder, now, this.ttlMs)) !== null;
  }

  /** Deletes links that expired more than `keepMs` ago: their items were handled or moved on to a new version long since. */
  async sweep(now: Date, keepMs: number): Promise<number> {
    const { deletedCount } = await this.model.deleteMany({ expiresAt: { $lt: new Date(now.getTime() - keepMs) } });
    return deletedCount;
  }
}
