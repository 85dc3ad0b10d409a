import { isRetriable } from '@ketnoi/errors';
import { describe, expect, it } from 'vitest';
import { retriableIfUnwritten } from '../../src/repositories/bulk-insert.js';

/** Shaped as the MongoDB driver's bulk write error (through mongoose's insertMany). */
const bulkError = (writeErrors: { index: number; code?: number }[], insertedCount?: number) =>
  Object.assign(new Error('bulk write failed'), { name: 'MongoBulkWriteError', writeErrors, result: { insertedCount } });

describe('a bulk write that failed as a whole', () => {
  it('is retriable when it reports no write errors (the server was not there)', () => {
    expect(isRetriable(retriableIfUnwritten(bulkError([], 0)))).toBe(true);
  });

  it('is left as it is otherwise', () => {
    const invalid = bulkError([{ index: 0, code: 11000 }, { index: 1, code: 121 }], 0);
    const down = Object.assign(new Error('connect ECONNREFUSED'), { name: 'MongoServerSelectionError' });
    expect(retriableIfUnwritten(down)).toBe(down);
    expect(retriableIfUnwritten(invalid)).toBe(invalid);
  });
});
