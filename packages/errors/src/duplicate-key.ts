import { unavailable } from './errors.js';

const DUPLICATE_KEY = 11000;

/**
 * A unique-insert collision: the thing is already there (FerretDB and MongoDB
 * both answer 11000). Takes a driver error or one entry of a bulk write's
 * `writeErrors`, whose code may sit on the entry or on its `err`.
 */
export function isDuplicateKey(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, err } = error as { code?: unknown; err?: { code?: unknown } };
  return (code ?? err?.code) === DUPLICATE_KEY;
}

/**
 * The documents an unordered `insertMany` refused because they were there
 * already, by index; anything else is thrown. The driver reports a write that
 * never reached the database (server down, connection cut, FerretDB shutting
 * down) as a bulk write error with *no* write errors, which must not read as
 * "every document inserted": that is thrown as retriable, so the caller's
 * whole write is tried again; so is a count of inserted documents that does
 * not add up. A write error other than a duplicate, or an error that is no bulk
 * write error, is thrown as it is.
 */
export function duplicateIndexes(error: unknown, documents: number): Set<number> {
  const { writeErrors, result } = (typeof error === 'object' && error !== null ? error : {}) as {
    writeErrors?: { index: number } | readonly { index: number }[];
    result?: { insertedCount?: unknown };
  };
  if (!writeErrors) throw error;
  const failed = Array.isArray(writeErrors) ? writeErrors : [writeErrors as { index: number }];
  if (failed.length === 0) throw unavailable('the database did not take the write', { cause: error });
  if (!failed.every(isDuplicateKey)) throw error;
  const inserted = result?.insertedCount;
  if (typeof inserted === 'number' && inserted + failed.length !== documents) {
    throw unavailable(`the database took ${inserted} and refused ${failed.length} of ${documents} documents`, { cause: error });
  }
  return new Set(failed.map((e) => e.index));
}
