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

  it('treats a bulk write that could not reach the database, or met only the lock, as retriable; a refused document as final', () => {
    const bulk = (message: string, extra: object = {}) => Object.assign(new Error(message), { name: 'MongoBulkWriteError', ...extra });
    const network = Object.assign(new Error('socket'), { name: 'MongoNetworkError' });
    expect(isRetriable(bulk('connect ECONNREFUSED 127.0.0.1:27517'))).toBe(true);
    expect(isRetriable(bulk('bulk write failed', { writeErrors: [] }))).toBe(true);
    expect(isRetriable(bulk('socket closed', { cause: network }))).toBe(true);
    expect(isRetriable(bulk('batch failed', { writeErrors: [{ index: 0, code: 1, errmsg: 'database is locked (5) (SQLITE_BUSY)' }] }))).toBe(true);
    expect(isRetriable(bulk('document failed validation', { writeErrors: [{ index: 0, code: 121, errmsg: 'Document failed validation' }] }))).toBe(false);
    expect(isRetriable(bulk('E11000 duplicate key', { writeErrors: { index: 0, code: 11000, errmsg: 'E11000 duplicate key' } }))).toBe(false);
    expect(isRetriable(bulk('unknown operator $foo'))).toBe(false);
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
