import { describe, expect, it } from 'vitest';
import { chunkDocuments, entryIdOf, entryMessages, eventIdOf, floorDocument, floorStageOptions, forTarget, onlyDuplicates, resized, type FloorStageInput } from '../../src/floor-document.js';

const message = (n: number) => ({ key: `ref-${n}`, value: JSON.stringify({ specversion: '1.0', id: `bench-1-worker-${n}`, type: 'worker.registered', data: { externalRef: `ref-${n}`, pad: 'x'.repeat(200) } }) });

describe('floorDocument', () => {
  it('keys the document by the CloudEvent id and keeps the message as it came', () => {
    const value = JSON.stringify({ specversion: '1.0', id: 'bench-1-worker-7', type: 'worker.registered', data: { externalRef: 'x' } });
    expect(floorDocument(value)).toEqual({ _id: 'bench-1-worker-7', event: value });
  });

  it('refuses a message without an id', () => {
    expect(() => floorDocument('{"type":"worker.registered"}')).toThrow(/CloudEvent id/);
    expect(() => eventIdOf('{"id":""}')).toThrow(/CloudEvent id/);
    expect(() => eventIdOf('{"id":7}')).toThrow(/CloudEvent id/);
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

describe('chunkDocuments', () => {
  const messages = [message(1), message(2), message(3)];
  const ids = messages.map((m) => eventIdOf(m.value));
  const at = new Date('2026-11-27T18:00:00Z');

  it('stores a message document per message: the id and the message as it came', () => {
    expect(chunkDocuments({ collection: 'workers', kind: 'message' }, messages, ids, at)).toEqual(messages.map((m, i) => ({ _id: ids[i], event: m.value })));
  });

  it('stores a small document per message: the id and a date', () => {
    const docs = chunkDocuments({ collection: 'audit_log', kind: 'small' }, messages, ids, at);
    expect(docs).toEqual(ids.map((_id) => ({ _id, at })));
    expect(JSON.stringify(docs[0]).length).toBeLessThan(80);
  });

  it('stores one entry per chunk holding its messages deflated, and one marker with the same id', () => {
    const [entry, ...more] = chunkDocuments({ collection: 'pending', kind: 'entry' }, messages, ids, at);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ _id: 'batch:bench-1-worker-1:3', at });
    const batch = entry!.batch as Buffer;
    expect(batch.length).toBeLessThan(messages.reduce((n, m) => n + m.value.length, 0) / 2);
    expect(entryMessages({ batch })).toEqual(messages);
    expect(entryMessages({ batch: { buffer: new Uint8Array(batch) } })).toEqual(messages);
    expect(chunkDocuments({ collection: 'settled', kind: 'marker' }, messages, ids, at)).toEqual([{ _id: entryIdOf(ids), at }]);
  });

  it('stores nothing for an empty chunk', () => {
    for (const kind of ['message', 'small', 'entry', 'marker'] as const) expect(chunkDocuments({ collection: 'c', kind }, [], [], at)).toEqual([]);
  });
});

describe('floorStageOptions', () => {
  const options: FloorStageInput = {
    name: 'floor registration',
    brokers: ['127.0.0.1:19092'],
    mongoUrl: 'mongodb://127.0.0.1:37017',
    dbName: 'bench_x_floor_s',
    consumers: [
      {
        groupId: 'bench_x.floor-s.registration',
        partitionsConsumedConcurrently: 3,
        inputs: [{ topic: 'a', chunk: 250, inserts: [{ collection: 'pending', kind: 'entry' }, { collection: 'settled', kind: 'marker' }] }],
      },
    ],
    relay: { entries: 'pending', markers: 'settled', to: [{ topic: 'b', bytes: 1074 }, { topic: 'd' }], entryLimit: 20 },
    maxWaitTimeInMs: 1000,
    minBytes: 1,
  };

  it('reads what the bench hands a stage, an input with nothing to do consuming only', () => {
    const parsed = floorStageOptions.parse(JSON.parse(JSON.stringify(options)));
    expect(parsed.consumers[0]!.inputs[0]).toEqual({ topic: 'a', chunk: 250, inserts: options.consumers[0]!.inputs[0]!.inserts, to: [] });
    const only = floorStageOptions.parse({ ...options, relay: undefined, consumers: [{ ...options.consumers[0]!, inputs: [{ topic: 'b' }] }] });
    expect(only.consumers[0]!.inputs[0]).toEqual({ topic: 'b', inserts: [], to: [] });
  });

  it('refuses a stage without brokers, consumers, inputs or a concurrency, or an unknown kind of document', () => {
    expect(() => floorStageOptions.parse({ ...options, brokers: [] })).toThrow(/brokers/);
    expect(() => floorStageOptions.parse({ ...options, consumers: [] })).toThrow(/consumers/);
    expect(() => floorStageOptions.parse({ ...options, consumers: [{ ...options.consumers[0]!, inputs: [] }] })).toThrow(/inputs/);
    expect(() => floorStageOptions.parse({ ...options, consumers: [{ ...options.consumers[0]!, partitionsConsumedConcurrently: 0 }] })).toThrow(/partitionsConsumedConcurrently/);
    expect(() => floorStageOptions.parse({ ...options, consumers: [{ ...options.consumers[0]!, inputs: [{ topic: 'a', inserts: [{ collection: 'c', kind: 'big' }] }] }] })).toThrow(/kind/);
  });

  it('refuses a relay whose entries or markers no input writes', () => {
    expect(() => floorStageOptions.parse({ ...options, relay: { ...options.relay!, entries: 'elsewhere' } })).toThrow(/no input writes entries to elsewhere/);
    expect(() => floorStageOptions.parse({ ...options, relay: { ...options.relay!, markers: 'pending' } })).toThrow(/no input writes markers to pending/);
  });
});

describe('resized', () => {
  it('is the message\'s id padded to the size asked, and read back by the same id', () => {
    const value = message(4).value;
    for (const bytes of [524, 908, 1074]) {
      const small = resized(value, bytes);
      expect(Buffer.byteLength(small)).toBe(bytes);
      expect(eventIdOf(small)).toBe('bench-1-worker-4');
    }
  });

  it('is never shorter than the id itself', () => {
    expect(JSON.parse(resized(message(4).value, 10))).toEqual({ id: 'bench-1-worker-4', pad: '' });
  });

  it('leaves the messages as they came for a target without a size, keeping the keys', () => {
    const messages = [message(1), message(2)];
    expect(forTarget({ topic: 'b' }, messages)).toEqual(messages);
    expect(forTarget({ topic: 'd', bytes: 524 }, messages).map((m) => [m.key, Buffer.byteLength(m.value)])).toEqual([['ref-1', 524], ['ref-2', 524]]);
  });
});

