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
