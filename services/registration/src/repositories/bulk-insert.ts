import { isDuplicateKey, unavailable } from '@ketnoi/errors';

interface BulkInsertFailure {
  writeErrors?: readonly { index: number }[];
  result?: { insertedCount?: unknown };
}

/**
 * The documents an unordered `insertMany` refused because their `_id` was
 * taken, by index; anything else is thrown. The driver reports a write that
 * never reached the database (server down, connection cut, FerretDB shutting
 * down) as a bulk write error with *no* write errors, which must not read as
 * "every document inserted": that is thrown as retriable, so the caller's
 * whole write is tried again. Any other error is thrown as it is.
 */
export function duplicatesOf(error: unknown, documents: number): Set<number> {
  const { writeErrors, result } = (typeof error === 'object' && error !== null ? error : {}) as BulkInsertFailure;
  if (!writeErrors) throw error;
  if (writeErrors.length === 0) throw unavailable('the database did not take the write', { cause: error });
  if (!writeErrors.every(isDuplicateKey)) throw error;
  const inserted = result?.insertedCount;
  if (typeof inserted === 'number' && inserted + writeErrors.length !== documents) {
    throw unavailable(`the database took ${inserted} and refused ${writeErrors.length} of ${documents} documents`, { cause: error });
  }
  return new Set(writeErrors.map((e) => e.index));
}

/**
 * A bulk write that failed as a whole, as retriable (the driver's bulk write
 * error is not recognised as the transient failure it wraps); any other error
 * as it is.
 */
export function retriableIfUnwritten(error: unknown): unknown {
  const writeErrors = typeof error === 'object' && error !== null ? (error as BulkInsertFailure).writeErrors : undefined;
  return writeErrors?.length === 0 ? unavailable('the database did not take the write', { cause: error }) : error;
}
