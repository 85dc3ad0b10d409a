import { isRetriable } from '@ketnoi/errors';
import { describe, expect, it } from 'vitest';
import { duplicatesOf, retriableIfUnwritten } from '../../src/repositories/bulk-insert.js';

/** Shaped as the MongoDB driver's bulk write error (through mongoose's insertMany). */
const bulkError = (writeErrors: { index: number; code?: number; err?: { code: number } }[], insertedCount?: number) =>
  Object.assign(new Error('bulk write failed'), { name: 'MongoBulkWriteError', writeErrors, result: { insertedCount } });

describe('reading an unordered insertMany that failed', () => {
  it('names the documents refused as duplicates', () => {
    expect(duplicatesOf(bulkError([{ index: 1, err: { code: 11000 } }, { index: 3, code: 11000 }], 2), 4)).toEqual(new Set([1, 3]));
  });

  it('takes a failure of the whole write (no write errors: the server was not there) for a retriable error, not for success', () => {
    const error = bulkError([], 0);
    expect(() => duplicatesOf(error, 3)).toThrow(expect.objectContaining({ code: 'DEPENDENCY_UNAVAILABLE', cause: error }));
    expect(isRetriable(retriableIfUnwritten(error))).toBe(true);
  });

  it('throws when documents were neither inserted nor refused as duplicates', () => {
    expect(() => duplicatesOf(bulkError([{ index: 0, code: 11000 }], 1), 3)).toThrow(expect.objectContaining({ retriable: true }));
  });

  it('throws any other write error, and any error that is no bulk write error, as it is', () => {
    const invalid = bulkError([{ index: 0, code: 11000 }, { index: 1, code: 121 }], 0);
    expect(() => duplicatesOf(invalid, 2)).toThrow(invalid);
    const down = Object.assign(new Error('connect ECONNREFUSED'), { name: 'MongoServerSelectionError' });
    expect(() => duplicatesOf(down, 2)).toThrow(down);
    expect(retriableIfUnwritten(down)).toBe(down);
    expect(retriableIfUnwritten(invalid)).toBe(invalid);
  });
});
