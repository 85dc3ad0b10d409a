import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import mongoose, { type Connection } from 'mongoose';
import { uniqueName } from '../../src/index.js';

// FerretDB v1.24.2 filtered by _id with an expression its _id index does not
// serve: on SQLite `_ferretdb_sjson->'$._id'` (the index is on
// `_ferretdb_sjson->"_id"`), on PostgreSQL `_jsonb->$1 @> $2` (the index is a
// btree on `_jsonb->'_id'`). Every find, update and delete by _id read the
// whole table; and it pushed no `{_id: {$in: [...]}}` down at all.
// infra/ferretdb/patches/0002-… (SQLite), 0003-… (PostgreSQL) and 0004-… ($in)
// filter with the index's own expression. FerretDB's explain of a find shows
// the backend's own plan, which names the index it searches; each update and
// delete statement starts with the same query.

interface Explained {
  queryPlanner: { Plan: unknown };
}

/** SQLite's plan is a list of "id=… detail=…" lines; PostgreSQL's is EXPLAIN's JSON tree. */
async function expectIndexSearch(explaining: Promise<unknown>): Promise<void> {
  const plan = ((await explaining) as Explained).queryPlanner.Plan;
  if (Array.isArray(plan)) expect(plan.join('\n')).toMatch(/SEARCH \S+ USING INDEX \S+__id_/);
  else expect(JSON.stringify(plan)).toMatch(/"Index Name":"[^"]*__id_[^"]*"/);
}

describe('FerretDB: reads and writes by _id use the _id index', () => {
  let connection: Connection;

  beforeAll(async () => {
    const name = uniqueName('ferretdb_id_index').replace(/-/g, '_');
    connection = await mongoose.createConnection(inject('infra').mongoUrl, { dbName: name, serverSelectionTimeoutMS: 10_000 }).asPromise();
  });

  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  it('searches the index for a find by _id or by _id $in', async () => {
    const docs = connection.collection<{ _id: string; n: number }>('docs');
    await docs.insertMany(Array.from({ length: 200 }, (_, n) => ({ _id: `d${n}`, n })));

    await expectIndexSearch(docs.find({ _id: 'd42' }).explain());
    await expectIndexSearch(docs.find({ _id: { $in: ['d1', 'd2', 'd3', 'missing'] } }).explain());
    expect((await docs.find({ _id: { $in: ['d3', 'd1', 'missing'] } }).toArray()).map((doc) => doc._id).sort()).toEqual(['d1', 'd3']);
    // Not pushed down (a value that is not a string): still answered, by the handler's own filter.
    expect((await connection.collection<{ _id: string | number }>('docs').find({ _id: { $in: ['d5', 7] } }).toArray()).map((doc) => doc._id)).toEqual(['d5']);

    // And the writes by _id that take the same path still find their document.
    await docs.updateOne({ _id: 'd42' }, { $set: { n: -42 } });
    await docs.deleteOne({ _id: 'd43' });
    expect(await docs.findOne({ _id: 'd42' })).toEqual({ _id: 'd42', n: -42 });
    expect(await docs.findOne({ _id: 'd43' })).toBeNull();
    expect(await docs.countDocuments()).toBe(199);
    expect((await docs.deleteMany({ _id: { $in: ['d44', 'd45', 'd43', 'missing'] } })).deletedCount).toBe(2);
    expect(await docs.countDocuments()).toBe(197);
  });
});
