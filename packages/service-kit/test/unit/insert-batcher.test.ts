import { describe, expect, it } from 'vitest';
import { InsertBatcher, type InsertTarget } from '../../src/idempotency/insert-batcher.js';

/** A collection in memory with a unique `_id`, answering as the driver does for `ordered: false`. */
function memoryCollection(options: { failWith?: Error } = {}) {
  const ids = new Set<unknown>();
  const writes: unknown[][] = [];
  const target: InsertTarget = {
    async insertMany(docs) {
      writes.push(docs.map((doc) => doc._id));
      if (options.failWith) throw options.failWith;
      const writeErrors = docs.flatMap((doc, index) => {
        if (ids.has(doc._id)) return [{ index, code: 11000 }];
        ids.add(doc._id);
        return [];
      });
      // The driver gives one write error as an object, several as an array.
      if (writeErrors.length > 0) throw Object.assign(new Error('bulk'), { writeErrors: writeErrors.length === 1 ? writeErrors[0] : writeErrors });
      return {};
    },
  };
  return { target, writes };
}

describe('InsertBatcher', () => {
  it('writes the inserts of one moment together and tells each caller its own outcome', async () => {
    const { target, writes } = memoryCollection();
    const batcher = new InsertBatcher(target);
    const outcomes = await Promise.allSettled(['a', 'b', 'a', 'c', 'a'].map((_id) => batcher.insert({ _id })));
    expect(writes).toEqual([['a', 'b', 'a', 'c', 'a']]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'rejected']);
    expect((outcomes[2] as PromiseRejectedResult).reason).toMatchObject({ code: 11000 });
  });

  it('handles a single write error given as an object', async () => {
    const { target } = memoryCollection();
    const batcher = new InsertBatcher(target);
    await batcher.insert({ _id: 'x' });
    const outcomes = await Promise.allSettled([batcher.insert({ _id: 'x' }), batcher.insert({ _id: 'y' })]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'fulfilled']);
  });

  it('fails every caller of a write that failed as a whole', async () => {
    const { target } = memoryCollection({ failWith: new Error('connection closed') });
    const batcher = new InsertBatcher(target);
    const outcomes = await Promise.allSettled([batcher.insert({ _id: 'a' }), batcher.insert({ _id: 'b' })]);
    expect(outcomes.map((o) => (o.status === 'rejected' ? (o.reason as Error).message : 'ok'))).toEqual(['connection closed', 'connection closed']);
  });

  it('gathers what arrives during a write into the next one, in batches of at most maxBatch', async () => {
    const { target, writes } = memoryCollection();
    const batcher = new InsertBatcher(target, 2);
    const first = batcher.insert({ _id: 1 });
    await new Promise((resolve) => setImmediate(resolve));
    await Promise.all([first, ...[2, 3, 4].map((_id) => batcher.insert({ _id }))]);
    expect(writes).toEqual([[1], [2, 3], [4]]);
  });
});
