import { insertNew } from '@ketnoi/service-kit';
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
  known.push(...(await insertNew(model.collection, fresh)));
  if (known.length === 0) return;
  await model.bulkWrite(
    known.map((doc) => ({ replaceOne: { filter: { _id: doc._id }, replacement: doc, upsert: true } })),
    { ordered: false },
  );
}
