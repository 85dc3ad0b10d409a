import { describe, expect, it } from 'vitest';
import { duplicateIndexes, isDuplicateKey, isRetriable } from '../../src/index.js';

describe('isDuplicateKey', () => {
  it('recognises 11000 on a driver error and on a bulk write entry', () => {
    expect(isDuplicateKey(Object.assign(new Error('dup'), { code: 11000 }))).toBe(true);
    expect(isDuplicateKey({ index: 0, err: { code: 11000 } })).toBe(true);
  });

  it('rejects other errors and non-objects', () => {
    expect(isDuplicateKey(Object.assign(new Error('x'), { code: 121 }))).toBe(false);
    expect(isDuplicateKey(new Error('x'))).toBe(false);
    expect(isDuplicateKey(null)).toBe(false);
    expect(isDuplicateKey('11000')).toBe(false);
  });
});

/** Shaped as the MongoDB driver's bulk write error (through mongoose's insertMany). */
const bulkError = (writeErrors: { index: number; code?: number; err?: { code: number } }[] | { index: number; code: number }, insertedCount?: number) =>
  Object.assign(new Error('bulk write failed'), { name: 'MongoBulkWriteError', writeErrors, result: { insertedCount } });

describe('duplicateIndexes: reading an unordered insertMany that failed', () => {
  it('names the documents refused as duplicates (one write error may come alone)', () => {
    expect(duplicateIndexes(bulkError([{ index: 1, err: { code: 11000 } }, { index: 3, code: 11000 }], 2), 4)).toEqual(new Set([1, 3]));
    expect(duplicateIndexes(bulkError({ index: 2, code: 11000 }), 3)).toEqual(new Set([2]));
  });

  it('takes a failure of the whole write (no write errors: the server was not there) for a retriable error, not for success', () => {
    const error = bulkError([], 0);
    expect(() => duplicateIndexes(error, 3)).toThrow(expect.objectContaining({ code: 'DEPENDENCY_UNAVAILABLE', cause: error }));
    try {
      duplicateIndexes(error, 3);
    } catch (thrown) {
      expect(isRetriable(thrown)).toBe(true);
    }
  });

  it('throws when documents were neither inserted nor refused as duplicates', () => {
    expect(() => duplicateIndexes(bulkError([{ index: 0, code: 11000 }], 1), 3)).toThrow(expect.objectContaining({ retriable: true }));
  });

  it('throws any other write error, and any error that is no bulk write error, as it is', () => {
    const invalid = bulkError([{ index: 0, code: 11000 }, { index: 1, code: 121 }], 0);
    expect(() => duplicateIndexes(invalid, 2)).toThrow(invalid);
    const down = Object.assign(new Error('connect ECONNREFUSED'), { name: 'MongoServerSelectionError' });
    expect(() => duplicateIndexes(down, 2)).toThrow(down);
  });
});
