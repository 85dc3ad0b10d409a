import { testDatabase } from '@ketnoi/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProjectionStore, type MatchListDoc, type VacancyDoc, type WorkerDoc } from '../../src/repositories/projection-store.js';
import { ShardStore, type ShardVacancyDoc } from '../../src/repositories/shard-store.js';
import { collect } from '../helpers.js';
import { aVacancy, aWorker } from '../mothers.js';

describe('projection store: snapshots and list entries stored as JSON text', () => {
  let db: Awaited<ReturnType<typeof testDatabase>>;
  let store: ProjectionStore;
  const worker = aWorker({ workerId: 'w-text' });
  const vacancy = aVacancy({ vacancyId: 'v-text' });
  const list: MatchListDoc = {
    _id: 'v-text',
    scoringVersion: 'v1',
    entries: [{ workerId: 'w-text', score: 0.81, publishedScore: 0.8, publishedRank: 1 }, { workerId: 'w-other', score: 0.5 }],
    updatedAt: new Date('2026-11-20T08:00:00.000Z'),
  };

  beforeAll(async () => {
    db = await testDatabase('matching_store');
    store = new ProjectionStore(db.connection);
  });
  afterAll(() => db.drop());

  it('reads back what it wrote, whole, and keeps the nested parts out of the stored document', async () => {
    const workerDoc: WorkerDoc = { _id: worker.workerId, version: worker.version, snapshot: worker, shard: 2 };
    const vacancyDoc: VacancyDoc = { _id: vacancy.vacancyId, version: vacancy.version, snapshot: vacancy };
    await store.saveWorkers([{ doc: workerDoc }, { placed: 'w-hired' }], () => true);
    await store.saveVacancies([vacancyDoc], () => true);
    await store.saveMatchLists([list]);

    expect(await collect(store.workerDocs({ shard: 2 }))).toEqual([workerDoc]);
    expect(await store.workerDoc('w-hired')).toEqual({ _id: 'w-hired', placed: true });
    expect(await collect(store.vacancyDocs())).toEqual([vacancyDoc]);
    expect(await collect(store.matchLists())).toEqual([list]);
    const raw = await db.connection.collection('workers').findOne({ _id: worker.workerId as never });
    expect(raw).not.toHaveProperty('snapshot');
    expect(typeof raw?.stateJson).toBe('string');
    expect(await db.connection.collection('matches').findOne({ _id: 'v-text' as never })).not.toHaveProperty('entries');
  });

  it('replaces a known document in the same form', async () => {
    const next: WorkerDoc = { _id: worker.workerId, version: 2, snapshot: { ...worker, version: 2, experienceYears: 9 } };
    await store.saveWorkers([{ doc: next }], () => false);
    expect(await store.workerDoc(worker.workerId)).toEqual(next);
  });

  it('still reads documents stored nested by earlier versions', async () => {
    const old = { _id: 'w-old', version: 3, snapshot: aWorker({ workerId: 'w-old', version: 3 }) };
    await db.connection.collection('workers').insertOne(old as never);
    await db.connection.collection('matches').insertOne({ ...list, _id: 'v-old' } as never);
    expect(await store.workerDoc('w-old')).toEqual(old);
    expect((await collect(store.matchLists())).find((doc) => doc._id === 'v-old')).toEqual({ ...list, _id: 'v-old' });
  });

  it('shard views of a vacancy round-trip too', async () => {
    const shards = new ShardStore(db.connection);
    const view: ShardVacancyDoc = { _id: `1:${vacancy.vacancyId}`, shard: 1, vacancyId: vacancy.vacancyId, version: vacancy.version, snapshot: vacancy };
    await shards.saveVacancies([view]);
    expect(await shards.vacancyViews(vacancy.vacancyId, 2)).toEqual([view]);
    expect(await collect(shards.vacancyDocs(1))).toEqual([view]);
  });
});
