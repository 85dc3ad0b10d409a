import { testDatabase } from '@ketnoi/testing';
import { Schema } from 'mongoose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertNew } from '../../src/index.js';

interface Item {
  _id: string;
  n: number;
}

describe('insertNew on the real database', () => {
  let db: Awaited<ReturnType<typeof testDatabase>>;

  beforeEach(async () => {
    db = await testDatabase('insert_new');
  });

  afterEach(async () => {
    await db.drop();
  });

  it('through a driver collection: inserts the new, returns those there already and leaves them as they were', async () => {
    const collection = db.connection.collection<Item>('items');
    expect(await insertNew(collection, [{ _id: 'a', n: 1 }, { _id: 'b', n: 1 }])).toEqual(new Set());
    const again = [{ _id: 'a', n: 2 }, { _id: 'c', n: 2 }, { _id: 'b', n: 2 }, { _id: 'd', n: 2 }];
    const existing = await insertNew(collection, again);
    expect([...existing]).toEqual([again[0], again[2]]);
    expect(await collection.find().sort({ _id: 1 }).toArray()).toEqual([
      { _id: 'a', n: 1 },
      { _id: 'b', n: 1 },
      { _id: 'c', n: 2 },
      { _id: 'd', n: 2 },
    ]);
  });

  it('through a mongoose model, one duplicate among many', async () => {
    const model = db.connection.model<Item>('Item', new Schema<Item>({ _id: String, n: Number }, { versionKey: false }), 'model_items');
    await insertNew(model, [{ _id: 'x', n: 1 }]);
    const batch = Array.from({ length: 20 }, (_, i) => ({ _id: i === 7 ? 'x' : `m${i}`, n: i }));
    expect([...(await insertNew(model, batch))]).toEqual([batch[7]]);
    expect(await model.countDocuments()).toBe(20);
  });
});
