import { isRetriable } from '@ketnoi/errors';
import { describe, expect, it } from 'vitest';
import { markTransient } from '../../src/repositories/save-many.js';

const bulkError = (message: string, extra: Record<string, unknown> = {}) => Object.assign(new Error(message), { name: 'MongoBulkWriteError', ...extra });

describe('the errors of a batch save', () => {
  it('marks a bulk write that could not reach the database as retriable (it was dead-lettered before)', () => {
    expect(isRetriable(bulkError('connect ECONNREFUSED 127.0.0.1:27517'))).toBe(false);
    expect(isRetriable(markTransient(bulkError('connect ECONNREFUSED 127.0.0.1:27517')))).toBe(true);
    const network = Object.assign(new Error('socket closed'), { name: 'MongoNetworkError' });
    expect(isRetriable(markTransient(bulkError('socket closed', { cause: network })))).toBe(true);
    expect(isRetriable(markTransient(bulkError('batch failed', { writeErrors: [{ index: 0, code: 1, errmsg: 'database is locked (5) (SQLITE_BUSY)' }] })))).toBe(true);
  });

  it('leaves other failures as they are: a refused document is dead-lettered, not retried forever', () => {
    expect(isRetriable(markTransient(bulkError('document failed validation', { writeErrors: [{ index: 0, code: 121, errmsg: 'Document failed validation' }] })))).toBe(false);
    expect(isRetriable(markTransient(bulkError('unknown operator $foo')))).toBe(false);
    expect(isRetriable(markTransient(new Error('connect ECONNREFUSED')))).toBe(false);
  });
});
