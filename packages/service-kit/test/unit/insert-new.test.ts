import { describe, expect, it } from 'vitest';
import { insertNew, type InsertsMany } from '../../src/index.js';

interface Doc {
  _id: string;
  n: number;
}

/** A collection in memory with a unique `_id`, answering an unordered insertMany as the driver does. */
function memoryCollection(existing: readonly string[] = []) {
  const ids = new Set(existing);
  const calls: { ids: string[]; ordered: boolean }[] = [];
  const target = {
    async insertMany(docs: Doc[], options: { ordered: boolean }) {
      calls.push({ ids: docs.map((doc) => doc._id), ordered: options.ordered });
      const writeErrors = docs.flatMap((doc, index) => {
        if (ids.has(doc._id)) return [{ index, code: 11000 }];
        ids.add(doc._id);
        return [];
      });
      if (writeErrors.length === 0) return {};
      // The driver gives one write error as an object, several as an array.
      throw Object.assign(new Error('bulk'), {
        writeErrors: writeErrors.length === 1 ? writeErrors[0] : writeErrors,
        result: { insertedCount: docs.length - writeErrors.length },
      });
    },
  };
  return { target, calls, ids };
}

const doc = (_id: string, n = 1): Doc => ({ _id, n });

/** A target whose insertMany fails with this error. */
const failing = (error: unknown): InsertsMany => ({
  insertMany: () => Promise.reject(error),
});

describe('insertNew', () => {
  it('inserts all in one unordered command and returns none when none existed', async () => {
    const { target, calls, ids } = memoryCollection();
    expect(await insertNew(target, [doc('a'), doc('b')])).toEqual(new Set());
    expect(calls).toEqual([{ ids: ['a', 'b'], ordered: false }]);
    expect([...ids]).toEqual(['a', 'b']);
  });

  it('returns the very documents refused as duplicates, one or several', async () => {
    const b = doc('b', 2);
    const d = doc('d', 4);
    expect([...(await insertNew(memoryCollection(['b']).target, [doc('a'), b, doc('c')]))]).toEqual([b]);
    const found = await insertNew(memoryCollection(['b', 'd']).target, [doc('a'), b, doc('c'), d]);
    expect([...found]).toEqual([b, d]);
    expect(found.has(b)).toBe(true);
  });

  it('sends nothing for no documents', async () => {
    const { target, calls } = memoryCollection();
    expect(await insertNew(target, [])).toEqual(new Set());
    expect(calls).toEqual([]);
  });

  it('does not read a write that never reached the database (no write errors) as "all there already"', async () => {
    const down = Object.assign(new Error('connection closed'), { writeErrors: [], result: { insertedCount: 0 } });
    await expect(insertNew(failing(down), [doc('a'), doc('b')])).rejects.toMatchObject({ code: 'DEPENDENCY_UNAVAILABLE', retriable: true, cause: down });
  });

  it('throws a write error that is no duplicate, and an error that is no bulk write error, as they are', async () => {
    const invalid = Object.assign(new Error('invalid'), { writeErrors: [{ index: 0, code: 121 }] });
    await expect(insertNew(failing(invalid), [doc('a')])).rejects.toBe(invalid);
    const timeout = new Error('server selection timed out');
    await expect(insertNew(failing(timeout), [doc('a')])).rejects.toBe(timeout);
  });
});
