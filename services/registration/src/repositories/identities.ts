import { isDuplicateKey } from '@ketnoi/errors';
import { insertNew } from '@ketnoi/service-kit';
import { Schema, type Connection, type Model } from 'mongoose';

interface IdentityDoc {
  _id: string;
  workerId: string;
}

/**
 * One worker per citizen-ID: the keyed hash is claimed by a unique insert,
 * which holds under concurrent registrations on MongoDB and FerretDB alike.
 */
export class Identities {
  private readonly model: Model<IdentityDoc>;

  constructor(connection: Connection) {
    const schema = new Schema<IdentityDoc>({ _id: String, workerId: { type: String, required: true } }, { versionKey: false });
    this.model = connection.model<IdentityDoc>('WorkerIdentity', schema, 'worker_identities');
  }

  /** Claims the hash for the worker; returns the worker that holds it when it was already claimed. */
  async claim(hash: string, workerId: string): Promise<{ claimed: true } | { claimed: false; workerId: string }> {
    try {
      await this.model.create({ _id: hash, workerId });
      return { claimed: true };
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const holder = await this.model.findById(hash).lean();
      if (!holder) return this.claim(hash, workerId);
      return { claimed: false, workerId: holder.workerId };
    }
  }

  /** Claims many hashes at once; a hash already held maps to its holder (missing: held a moment ago, released since). */
  async claimMany(claims: readonly { hash: string; workerId: string }[]): Promise<Map<string, string>> {
    const holders = new Map(claims.map(({ hash, workerId }) => [hash, workerId]));
    // Through the driver: mongoose's document per claim cost more CPU than the insert itself.
    const taken = [...(await insertNew(this.model.collection, claims.map(({ hash, workerId }) => ({ _id: hash, workerId }))))].map((doc) => doc._id);
    if (taken.length === 0) return holders;
    // A holder gone meanwhile (erasure released the claim): not claimed here either.
    for (const hash of taken) holders.delete(hash);
    for (const [hash, holder] of await this.holdersOf(taken)) holders.set(hash, holder);
    return holders;
  }

  /** The workers holding these hashes, in one read (`_id` `$in` searches the `_id` index on the FerretDB infra/ builds). */
  private async holdersOf(hashes: readonly string[]): Promise<Map<string, string>> {
    const docs = await this.model.find({ _id: { $in: hashes } }).lean();
    return new Map(docs.map((doc) => [doc._id, doc.workerId]));
  }

  async holderOf(hash: string): Promise<string | undefined> {
    return (await this.model.findById(hash).lean())?.workerId;
  }

  async release(hash: string, workerId: string): Promise<void> {
    await this.model.deleteOne({ _id: hash, workerId });
  }
}
