import { duplicateIndexes } from '@ketnoi/errors';

/**
 * What inserts many documents in one command: a mongoose model or a driver
 * collection. Its documents' type is not checked: the driver's untyped
 * collection (`model.collection`) wants an ObjectId `_id`, ours are strings.
 */
export interface InsertsMany {
  insertMany(docs: never, options: { ordered: false }): Promise<unknown>;
}

/**
 * Inserts documents in one unordered command (an insert costs FerretDB no
 * scan of the collection, a replace or update does); returns those refused
 * because a document with the same key was there already — a retried or
 * redelivered write, or another writer first — for the caller to replace,
 * read or skip. Any other failure throws, and a write that never reached the
 * database (a bulk write error with no write errors) throws retriable: it is
 * never read as "all there already" (see `duplicateIndexes`).
 */
export async function insertNew<T>(target: InsertsMany, docs: readonly T[]): Promise<Set<T>> {
  if (docs.length === 0) return new Set();
  try {
    await target.insertMany([...docs] as never, { ordered: false });
    return new Set();
  } catch (error) {
    return new Set([...duplicateIndexes(error, docs.length)].map((index) => docs[index]!));
  }
}

/** What `saveMany` writes through: a mongoose model (its driver collection for the insert, its bulkWrite for the replaces). */
export interface SavesMany {
  collection: InsertsMany;
  bulkWrite(operations: never, options: { ordered: false }): Promise<unknown>;
}

/**
 * Saves documents keyed by `_id` in at most two round trips: those `isNew`
 * says are new in one unordered insert (`insertNew`: no scan on FerretDB),
 * the others — and any "new" one that was there after all (a retried write,
 * another instance during a rebalance) — in one unordered bulk write of
 * replaces. The insert goes through the driver: leave a field out rather
 * than set it undefined (the driver would store null).
 */
export async function saveMany<T extends { _id: string }>(model: SavesMany, docs: readonly T[], isNew: (id: string) => boolean): Promise<void> {
  const known = docs.filter((doc) => !isNew(doc._id));
  known.push(...(await insertNew(model.collection, docs.filter((doc) => isNew(doc._id)))));
  if (known.length === 0) return;
  await model.bulkWrite(known.map((doc) => ({ replaceOne: { filter: { _id: doc._id }, replacement: doc, upsert: true } })) as never, { ordered: false });
}
