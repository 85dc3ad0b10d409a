import { isDuplicateKey } from '@ketnoi/errors';
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

  /** Claims many hashes at once; a hash already held maps to its holder. */
  async claimMany(claims: readonly { hash: string; workerId: string }[]): Promise<Map<string, string>> {
    const holders = new Map(claims.map(({ hash, workerId }) => [hash, workerId]));
    try {
      await this.model.insertMany(claims.map(({ hash, workerId }) => ({ _id: hash, workerId })), { ordered: false });
    } catch (error) {
      const writeErrors = (error as { writeErrors?: { index: number; code?: number; err?: { code?: number } }[] }).writeErrors;
      if (!writeErrors) throw error;
      for (const e of writeErrors) {
        if (!isDuplicateKey(e)) throw error;
        const { hash } = claims[e.index]!;
        const holder = await this.holderOf(hash);
        if (holder) holders.set(hash, holder);
      }
    }
    return holders;
  }

  async holderOf(hash: string): Promise<string | undefined> {
    return (await this.model.findById(hash).lean())?.workerId;
  }

  async release(hash: string, workerId: string): Promise<void> {
    await this.model.deleteOne({ _id: hash, workerId });
  }
}
