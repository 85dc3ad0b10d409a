import { insertNew } from '@ketnoi/service-kit';
import { Schema, type Connection, type Model } from 'mongoose';
import type { Sealed } from '../crypto/aes-gcm.js';
import type { KeyRing } from '../crypto/key-ring.js';

interface DataKeyDoc {
  _id: string;
  wrapped: Sealed;
  createdAt: Date;
}

/**
 * Each worker's own data key, wrapped by a master key. Deleting it is the
 * erasure: every stored version of the worker's personal fields becomes
 * unreadable at once (crypto-shredding).
 */
export class DataKeys {
  private readonly model: Model<DataKeyDoc>;
  private readonly cache = new Map<string, Buffer>();

  constructor(
    connection: Connection,
    private readonly ring: KeyRing,
    private readonly cacheSize = 10_000,
  ) {
    const schema = new Schema<DataKeyDoc>({ _id: String, wrapped: Schema.Types.Mixed, createdAt: Date }, { versionKey: false });
    this.model = connection.model<DataKeyDoc>('WorkerDataKey', schema, 'worker_keys');
  }

  async create(workerId: string): Promise<Buffer> {
    const { key, wrapped } = this.ring.newDataKey(workerId);
    await this.model.create({ _id: workerId, wrapped, createdAt: new Date() });
    this.remember(workerId, key);
    return key;
  }

  /**
   * New keys for many new workers, in one write. A worker whose key another
   * writer stored first (a registration of the same person racing this one)
   * gets the stored key, so that every version of it is sealed with one key.
   */
  async createMany(workerIds: readonly string[]): Promise<Map<string, Buffer>> {
    const made = workerIds.map((workerId) => ({ workerId, ...this.ring.newDataKey(workerId) }));
    const createdAt = new Date();
    // Through the driver: the documents are stored as mongoose would, without a mongoose document each.
    const refused = await insertNew(this.model.collection, made.map(({ workerId, wrapped }) => ({ _id: workerId, wrapped, createdAt })));
    const taken = new Set([...refused].map((doc) => doc._id));
    const keys = new Map<string, Buffer>();
    for (const { workerId, key } of made) {
      const stored = taken.has(workerId) ? await this.get(workerId) : key;
      if (!stored) throw new Error(`data key of ${workerId} neither inserted nor found`);
      if (!taken.has(workerId)) this.remember(workerId, key);
      keys.set(workerId, stored);
    }
    return keys;
  }

  /** The worker's key; creates one when a crash left a claimed worker without it. */
  async get(workerId: string): Promise<Buffer | undefined> {
    const cached = this.cache.get(workerId);
    if (cached) return cached;
    const doc = await this.model.findById(workerId).lean();
    if (!doc) return undefined;
    const key = this.ring.unwrap(workerId, doc.wrapped);
    this.remember(workerId, key);
    return key;
  }

  async erase(workerId: string): Promise<void> {
    this.cache.delete(workerId);
    await this.model.deleteOne({ _id: workerId });
  }

  private remember(workerId: string, key: Buffer): void {
    if (this.cache.size >= this.cacheSize) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(workerId, key);
  }
}
