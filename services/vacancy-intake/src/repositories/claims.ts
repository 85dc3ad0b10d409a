import { isDuplicateKey } from '@ketnoi/errors';
import { Schema, type Connection, type Model } from 'mongoose';

interface Claim {
  _id: string;
  ownerId: string;
  at: Date;
}

const claimSchema = new Schema<Claim>({ _id: String, ownerId: { type: String, required: true }, at: { type: Date, required: true } }, { versionKey: false });


/**
 * A unique claim on a key (a tax code, an external reference): the first
 * insert wins, later ones learn the owner. An insert is the only safe
 * "check and set" on FerretDB 1.x.
 */
export interface ClaimModel {
  init(): Promise<unknown>;
  /** Claims `key` for `ownerId`; returns the owner that holds it (ownerId when this call won). */
  claim(key: string, ownerId: string): Promise<string>;
  ownerOf(key: string): Promise<string | undefined>;
}

export function claimModel(connection: Connection, collection: string): ClaimModel {
  const model: Model<Claim> = connection.model<Claim>(collection, claimSchema, collection);
  const ownerOf = async (key: string) => (await model.findById(key).lean())?.ownerId;
  return {
    init: () => model.init(),
    ownerOf,
    async claim(key, ownerId) {
      try {
        await model.create({ _id: key, ownerId, at: new Date() });
        return ownerId;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        const owner = await ownerOf(key);
        if (owner === undefined) throw error;
        return owner;
      }
    },
  };
}
