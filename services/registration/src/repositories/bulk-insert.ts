import { unavailable } from '@ketnoi/errors';

/**
 * A bulk write that failed as a whole, as retriable (the driver's bulk write
 * error is not recognised as the transient failure it wraps); any other error
 * as it is.
 */
export function retriableIfUnwritten(error: unknown): unknown {
  const writeErrors = typeof error === 'object' && error !== null ? (error as { writeErrors?: readonly unknown[] }).writeErrors : undefined;
  return writeErrors?.length === 0 ? unavailable('the database did not take the write', { cause: error }) : error;
}
