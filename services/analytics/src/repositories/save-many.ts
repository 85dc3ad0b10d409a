import { duplicateIndexes } from '@ketnoi/errors';
import type { Model } from 'mongoose';

/**
 * Saves a batch of documents keyed by `_id` in at most two round trips: the
 * new ones in one unordered insertMany (an insert costs FerretDB 1.24 no scan
 * of the collection, a replace does), the known ones — and any "new" one a
 * failed earlier try had inserted after all (duplicate key) — in one
 * unordered bulkWrite of replaces.
 */
export async function saveMany<T extends { _id: string }>(model: Model<{ _id: string }>, docs: readonly T[], isNew: (id: string) => boolean): Promise<void> {
  const fresh = docs.filter((doc) => isNew(doc._id));
  const known = docs.filter((doc) => !isNew(doc._id));
  if (fresh.length > 0) known.push(...(await insertNew(model, fresh)));
  if (known.length === 0) return;
  await model.bulkWrite(
    known.map((doc) => ({ replaceOne: { filter: { _id: doc._id }, replacement: doc, upsert: true } })),
    { ordered: false },
  );
}

/** Inserts the documents; returns those that existed already (to be replaced). Any other failure is thrown. */
async function insertNew<T extends { _id: string }>(model: Model<{ _id: string }>, docs: T[]): Promise<T[]> {
  try {
    await model.collection.insertMany(docs as unknown as Parameters<typeof model.collection.insertMany>[0], { ordered: false });
    return [];
  } catch (error) {
    return [...duplicateIndexes(error, docs.length)].map((index) => docs[index]!);
  }
}
