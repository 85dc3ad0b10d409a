import { describe, expect, it } from 'vitest';
import { KetNoiError, isRetriable, unavailable, validationError } from '../../src/index.js';

describe('isRetriable', () => {
  it('follows the flag of KetNoi errors', () => {
    expect(isRetriable(unavailable('mongo down'))).toBe(true);
    expect(isRetriable(validationError('bad phone'))).toBe(false);
    expect(isRetriable(new KetNoiError('X', 'x', { retriable: true }))).toBe(true);
  });

  it('treats driver connection errors as retriable', () => {
    const mongo = Object.assign(new Error('no server'), { name: 'MongoServerSelectionError' });
    const socket = Object.assign(new Error('refused'), { code: 'ECONNREFUSED' });
    expect(isRetriable(mongo)).toBe(true);
    expect(isRetriable(socket)).toBe(true);
  });

  it('treats a write that met the SQLite backend\'s lock as retriable, other server errors as final', () => {
    const busy = Object.assign(new Error('SQLITE_BUSY: database is locked'), { name: 'MongoServerError' });
    const invalid = Object.assign(new Error('Invalid $set'), { name: 'MongoServerError' });
    expect(isRetriable(busy)).toBe(true);
    expect(isRetriable(invalid)).toBe(false);
  });

  it('treats programming errors and non-errors as final', () => {
    expect(isRetriable(new TypeError('x is undefined'))).toBe(false);
    expect(isRetriable('boom')).toBe(false);
  });

  it('carries status and code for HTTP answers', () => {
    const error = validationError('bad phone', { details: { field: 'phone' } });
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', status: 400 });
    expect(error.details).toEqual({ field: 'phone' });
  });
});
