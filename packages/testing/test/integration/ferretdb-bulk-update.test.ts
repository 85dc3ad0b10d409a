import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import mongoose, { type Connection } from 'mongoose';
import { uniqueName } from '../../src/index.js';

// FerretDB v1.24.2 kept every statement's query of an `update` command open
// until the command returned, and each statement's write needs one more
// backend connection: a command with more statements than the pool has
// connections (50 on PostgreSQL, 100 on SQLite) waited forever, and the whole
// server with it. infra/ferretdb/patches/0001-release-query-before-write.patch
// fixes it. Without the patch these tests time out (the socket timeout below
// closes the connection, which lets FerretDB give its connections back, so a
// failure here does not stall the other tests).

const STATEMENTS = 250; // more than either backend's pool

describe('FerretDB: update commands with more statements than its backend pool', () => {
  let connection: Connection;
  let name: string;

  beforeAll(async () => {
    name = uniqueName('ferretdb_bulk').replace(/-/g, '_');
    connection = await mongoose
      .createConnection(inject('infra').mongoUrl, { dbName: name, serverSelectionTimeoutMS: 10_000, socketTimeoutMS: 20_000 })
      .asPromise();
  });

  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  it('answers a bulkWrite of replaceOne and updateOne on existing documents, and upserts, in one command', async () => {
    const docs = connection.collection<{ _id: string; v: number; tag?: string }>('docs');
    await docs.insertMany(Array.from({ length: STATEMENTS }, (_, i) => ({ _id: `d${i}`, v: 0 })));

    const result = await docs.bulkWrite(
      [
        ...Array.from({ length: STATEMENTS }, (_, i) =>
          i % 2 === 0
            ? { replaceOne: { filter: { _id: `d${i}` }, replacement: { v: i + 1 }, upsert: true } }
            : { updateOne: { filter: { _id: `d${i}` }, update: { $set: { v: i + 1, tag: 'set' } } } },
        ),
        { updateOne: { filter: { _id: 'new' }, update: { $set: { v: -1 } }, upsert: true } },
      ],
      { ordered: false },
    );

    expect(result.matchedCount).toBe(STATEMENTS);
    expect(result.modifiedCount).toBe(STATEMENTS);
    expect(result.upsertedCount).toBe(1);
    const stored = await docs.find({}).sort({ _id: 1 }).toArray();
    expect(stored).toHaveLength(STATEMENTS + 1);
    for (const doc of stored) {
      if (doc._id === 'new') expect(doc.v).toBe(-1);
      else expect(doc.v).toBe(Number(doc._id.slice(1)) + 1);
    }
    expect(stored.filter((doc) => doc.tag === 'set')).toHaveLength(STATEMENTS / 2);
  });

  it('still answers other operations afterwards and an updateMany over all of them', async () => {
    const docs = connection.collection<{ _id: string; v: number }>('docs');
    const result = await docs.updateMany({}, { $inc: { v: 1 } });
    expect(result.modifiedCount).toBe(STATEMENTS + 1);
    expect(await docs.findOne({ _id: 'd7' })).toEqual({ _id: 'd7', v: 9, tag: 'set' });
  });
});
