import { isDuplicateKey } from '@ketnoi/errors';
import { Schema, type Connection, type Model } from 'mongoose';

export interface ClaimDoc {
  _id: string;
  owner: string;
  at: Date;
}

export type ClaimModel = Model<ClaimDoc>;

export const claimModel = (connection: Connection, name: string): ClaimModel =>
  connection.model<ClaimDoc>(
    name,
    new Schema<ClaimDoc>({ _id: String, owner: { type: String, required: true }, at: { type: Date, required: true } }, { versionKey: false }),
    name,
  );

/**
 * Takes every claim or none: inserts them one by one (a unique `_id` each; a
 * taken one fails with a duplicate key) and gives back the ones taken so far
 * when one is already held. Returns the id that was taken, or null on success.
 */
export async function claimAll(claims: ClaimModel, ids: readonly string[], owner: string): Promise<string | null> {
  const taken: string[] = [];
  for (const id of ids) {
    try {
      await claims.create({ _id: id, owner, at: new Date() });
      taken.push(id);
    } catch (error) {
      await release(claims, taken);
      if (isDuplicateKey(error)) return id;
      throw error;
    }
  }
  return null;
}

/** Deletes claims by `_id` (the only indexed lookup on FerretDB). */
export async function release(claims: ClaimModel, ids: readonly string[]): Promise<void> {
  for (const id of ids) await claims.deleteOne({ _id: id });
}
