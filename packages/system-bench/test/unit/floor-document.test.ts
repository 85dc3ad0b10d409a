import { describe, expect, it } from 'vitest';
import { floorDocument, floorStageOptions, onlyDuplicates } from '../../src/floor-document.js';

describe('floorDocument', () => {
  it('keys the document by the CloudEvent id and keeps the message as it came', () => {
    const value = JSON.stringify({ specversion: '1.0', id: 'bench-1-worker-7', type: 'worker.registered', data: { externalRef: 'x' } });
    expect(floorDocument(value)).toEqual({ _id: 'bench-1-worker-7', event: value });
  });

  it('refuses a message without an id', () => {
    expect(() => floorDocument('{"type":"worker.registered"}')).toThrow(/CloudEvent id/);
    expect(() => floorDocument('{"id":""}')).toThrow(/CloudEvent id/);
    expect(() => floorDocument('{"id":7}')).toThrow(/CloudEvent id/);
  });
});

describe('onlyDuplicates', () => {
  it('passes a batch whose only failures are documents already stored', () => {
    expect(onlyDuplicates({ code: 11000, writeErrors: [{ code: 11000 }, { code: 11000 }] })).toBe(true);
    expect(onlyDuplicates({ code: 11000 })).toBe(true);
  });

  it('fails anything else', () => {
    expect(onlyDuplicates({ code: 11000, writeErrors: [{ code: 11000 }, { code: 121 }] })).toBe(false);
    expect(onlyDuplicates({ code: 121, writeErrors: [] })).toBe(false);
    expect(onlyDuplicates(new Error('connection reset'))).toBe(false);
    expect(onlyDuplicates(undefined)).toBe(false);
  });
});

describe('floorStageOptions', () => {
  const options = {
    brokers: ['127.0.0.1:19092'],
    mongoUrl: 'mongodb://127.0.0.1:37017',
    dbName: 'bench_x_floor',
    collection: 'stage1',
    from: 'bench-floor-a.bench_x',
    to: 'bench-floor-b.bench_x',
    groupId: 'bench_x.floor-1',
    partitionsConsumedConcurrently: 3,
    maxWaitTimeInMs: 1000,
    minBytes: 1,
  };

  it('reads what the bench hands a stage', () => {
    expect(floorStageOptions.parse(JSON.parse(JSON.stringify(options)))).toEqual(options);
  });

  it('refuses a stage without brokers or a concurrency', () => {
    expect(() => floorStageOptions.parse({ ...options, brokers: [] })).toThrow(/brokers/);
    expect(() => floorStageOptions.parse({ ...options, partitionsConsumedConcurrently: 0 })).toThrow(/partitionsConsumedConcurrently/);
  });
});
