import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import mongoose, { type Connection } from 'mongoose';
import { uniqueName } from '../../src/index.js';

// FerretDB v1.24.2 on SQLite indexed _id as `_ferretdb_sjson->"_id"` but
// filtered by `_ferretdb_sjson->'$._id'`, so SQLite scanned the whole table
// for every find, update and delete by _id.
// infra/ferretdb/patches/0002-sqlite-filter-by-id-with-the-index-expression.patch
// makes the filter the index's expression. FerretDB's explain of a find shows
// SQLite's own query plan, which names the index it searches (the update and
// delete statements use the same expression).

interface SqlitePlan {
  queryPlanner: { Plan: unknown };
}

describe('FerretDB on SQLite: reads and writes by _id use the _id index', () => {
  let connection: Connection;

  beforeAll(async () => {
    const name = uniqueName('ferretdb_id_index').replace(/-/g, '_');
    connection = await mongoose.createConnection(inject('infra').mongoUrl, { dbName: name, serverSelectionTimeoutMS: 10_000 }).asPromise();
  });

  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  it('searches the index for a find by _id (SQLite backend; PostgreSQL plans its own way)', async (context) => {
    const docs = connection.collection<{ _id: string; n: number }>('docs');
    await docs.insertMany(Array.from({ length: 200 }, (_, n) => ({ _id: `d${n}`, n })));

    const explained = (await docs.find({ _id: 'd42' }).explain()) as unknown as SqlitePlan;
    const plan = explained.queryPlanner.Plan;
    // SQLite's plan is a list of "id=… detail=…" lines; PostgreSQL's is a JSON tree.
    if (!Array.isArray(plan)) context.skip();
    expect(plan.join('\n')).toMatch(/SEARCH \S+ USING INDEX \S+__id_/);

    // And the writes by _id that take the same path still find their document.
    await docs.updateOne({ _id: 'd42' }, { $set: { n: -42 } });
    await docs.deleteOne({ _id: 'd43' });
    expect(await docs.findOne({ _id: 'd42' })).toEqual({ _id: 'd42', n: -42 });
    expect(await docs.findOne({ _id: 'd43' })).toBeNull();
    expect(await docs.countDocuments()).toBe(199);
  });
});
