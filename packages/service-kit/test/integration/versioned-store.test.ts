import { workersTopic } from '@ketnoi/contracts';
import { testDatabase } from '@ketnoi/testing';
import mongoose, { Schema, type mongo } from 'mongoose';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { pendingEvent, VersionedStore, type PendingDoc } from '../../src/index.js';
import { entryVersions } from '../../src/outbox/pending-index.js';

interface Note {
  title: string;
  owner: string;
}

const headSchema = () => {
  const schema = new Schema<Note>({ title: String, owner: { type: String, index: true } });
  return schema;
};
interface Worker {
  status: string;
  hiredBy: string[];
  profile: { skills: { code: string; level: number }[]; wishes: { shifts: string[] } };
  consents: Record<string, { granted: boolean }>;
}

const aWorker = (status: string, skill: string): Worker => ({
  status,
  hiredBy: ['emp_1'],
  profile: { skills: [{ code: skill, level: 2 }], wishes: { shifts: ['day'] } },
  consents: { matching: { granted: true } },
});
const looseHeads = () => new Schema({ status: { type: String, index: true } }, { strict: false, minimize: false });

const erased = (id: string, version: number) =>
  pendingEvent(workersTopic, { type: 'worker.erased', subject: id, data: { workerId: id, version, erasedAt: new Date().toISOString() } });

type CommandStartedEvent = mongo.CommandStartedEvent;
type CommandSucceededEvent = mongo.CommandSucceededEvent;

describe('VersionedStore on the real database', () => {
  let db: Awaited<ReturnType<typeof testDatabase>>;
  let store: VersionedStore<Note>;

  beforeEach(async () => {
    db = await testDatabase('versioned');
    store = new VersionedStore<Note>({ connection: db.connection, name: 'notes', headSchema: headSchema() });
    await store.init();
  });
  afterEach(() => db.drop());

  it('creates, reads, changes and keeps the history with each version\'s events', async () => {
    await store.save({ id: 'note_1', expectedVersion: 0, state: { title: 'first', owner: 'a' }, events: [erased('note_1', 1)] });
    const second = await store.save({ id: 'note_1', expectedVersion: 1, state: { title: 'second', owner: 'a' }, events: [] });
    expect(second.version).toBe(2);
    expect(await store.get('note_1')).toMatchObject({ id: 'note_1', version: 2, state: { title: 'second', owner: 'a' } });
    expect((await store.history('note_1')).map((v) => v.state.title)).toEqual(['first', 'second']);
    expect(await store.heads.countDocuments({ owner: 'a' })).toBe(1);
    const pending = await store.versions.find({ outboxPending: true }).lean();
    expect(pending.map((v) => v._id)).toEqual(['note_1:1']);
  });

  it('refuses a change based on a stale version (412) and a second create (409)', async () => {
    await store.save({ id: 'note_2', expectedVersion: 0, state: { title: 'v1', owner: 'a' }, events: [] });
    await store.save({ id: 'note_2', expectedVersion: 1, state: { title: 'v2', owner: 'a' }, events: [] });
    await expect(store.save({ id: 'note_2', expectedVersion: 1, state: { title: 'stale', owner: 'a' }, events: [] })).rejects.toMatchObject({
      code: 'VERSION_CONFLICT',
      status: 412,
    });
    await expect(store.save({ id: 'note_2', expectedVersion: 0, state: { title: 'again', owner: 'a' }, events: [] })).rejects.toMatchObject({
      status: 409,
    });
    expect((await store.get('note_2'))?.state.title).toBe('v2');
  });

  it('lets exactly one of two processes racing on the same version win', async () => {
    // A second store instance stands for a second process: it does not share the in-process lock.
    const other = new VersionedStore<Note>({ connection: db.connection, name: 'notes', headSchema: headSchema() });
    await store.save({ id: 'note_3', expectedVersion: 0, state: { title: 'v1', owner: 'a' }, events: [] });
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        (i % 2 ? other : store).save({ id: 'note_3', expectedVersion: 1, state: { title: `racer ${i}`, owner: 'a' }, events: [] }),
      ),
    );
    const winners = results.filter((r) => r.status === 'fulfilled');
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').every((r) => (r as PromiseRejectedResult).reason.status === 412)).toBe(true);
    const winner = (winners[0] as PromiseFulfilledResult<{ state: Note }>).value.state.title;
    expect((await store.get('note_3'))?.state.title).toBe(winner);
    expect(await store.versions.countDocuments({ aggregateId: 'note_3' })).toBe(2);
  });

  it('writes the head beside the version\'s index entry, once the version is in: one round trip after it, not two', async () => {
    // A connection of its own: the driver reports commands only when told so at connect.
    const connection = await mongoose.createConnection(inject('infra').mongoUrl, { dbName: db.name, monitorCommands: true }).asPromise();
    const client = connection.getClient();
    const store = new VersionedStore<Note>({ connection, name: 'notes', headSchema: headSchema() });
    const writes = new Map<number, string>();
    const order: string[] = [];
    const started = (event: CommandStartedEvent) => {
      const collection = event.command[event.commandName];
      if (event.commandName !== 'insert' && event.commandName !== 'update') return;
      writes.set(event.requestId, `${event.commandName} ${String(collection)}`);
      order.push(`sent ${event.commandName} ${String(collection)}`);
    };
    const answered = (event: CommandSucceededEvent) => {
      if (writes.has(event.requestId)) order.push(`answered ${writes.get(event.requestId)}`);
    };
    client.on('commandStarted', started).on('commandSucceeded', answered);
    // When the store starts the head's write (mongoose may reach the wire a turn later than the entry, which goes through the driver).
    const heads = store.heads as unknown as Record<'insertMany' | 'replaceOne', (...args: unknown[]) => unknown>;
    const { insertMany, replaceOne } = heads;
    heads.insertMany = (...args) => {
      order.push('started insert notes');
      return insertMany.apply(store.heads, args);
    };
    heads.replaceOne = (...args) => {
      order.push('started update notes');
      return replaceOne.apply(store.heads, args);
    };
    try {
      // A new head is inserted, the next one replaced (an update): each started before the entry is answered.
      for (const [version, head] of [[1, 'insert notes'], [2, 'update notes']] as const) {
        order.length = 0;
        await store.save({ id: 'note_rt', expectedVersion: version - 1, state: { title: `v${version}`, owner: 'a' }, events: [erased('note_rt', version)] });
        const at = (step: string) => order.indexOf(step);
        expect(at('answered insert notes_versions')).toBeGreaterThanOrEqual(0);
        expect(at('answered insert notes_versions')).toBeLessThan(at('sent insert notes_versions_pending'));
        expect(at('answered insert notes_versions')).toBeLessThan(at(`started ${head}`));
        expect(at(`started ${head}`)).toBeLessThan(at('answered insert notes_versions_pending'));
        expect(at(`sent ${head}`)).toBeGreaterThan(at(`started ${head}`));
      }
      expect(await store.get('note_rt')).toMatchObject({ version: 2, state: { title: 'v2' } });
    } finally {
      await connection.close();
    }
  });

  it('inserts a new aggregate\'s head, and replaces a head an interrupted create left behind', async () => {
    // A crash after the head was written but before the version stuck: the head is stale, the version free.
    await store.heads.collection.insertOne({ _id: 'note_h' as never, title: 'left over', owner: 'x', version: 1, updatedAt: new Date(0) });
    const saved = await store.save({ id: 'note_h', expectedVersion: 0, state: { title: 'created', owner: 'y' }, events: [] });
    expect(saved.version).toBe(1);
    expect(await store.get('note_h')).toMatchObject({ version: 1, state: { title: 'created', owner: 'y' } });
    expect(await store.heads.countDocuments({ _id: 'note_h' })).toBe(1);
  });

  it('repairs a head that a cut save left older than the latest version, keeping a head already up to date', async () => {
    await store.save({ id: 'note_r', expectedVersion: 0, state: { title: 'v1', owner: 'a' }, events: [] });
    // The cut: version 2 (with its events) was written, the head was not moved.
    await store.versions.collection.insertOne({ _id: 'note_r:2' as never, aggregateId: 'note_r', version: 2, state: { title: 'v2', owner: 'b' }, at: new Date(), outbox: [], outboxPending: false });
    await expect(store.save({ id: 'note_r', expectedVersion: 2, state: { title: 'v3', owner: 'b' }, events: [] })).rejects.toMatchObject({ code: 'VERSION_CONFLICT' });

    const repaired = await store.repairHead('note_r');
    expect(repaired).toMatchObject({ id: 'note_r', version: 2, state: { title: 'v2', owner: 'b' } });
    expect(await store.get('note_r')).toMatchObject({ version: 2, state: { title: 'v2', owner: 'b' } });
    expect(await store.heads.countDocuments({ owner: 'b' })).toBe(1);
    await store.save({ id: 'note_r', expectedVersion: 2, state: { title: 'v3', owner: 'b' }, events: [] });

    let derived = 0;
    const again = await store.repairHead('note_r', { headFields: () => ({ owner: `derived ${++derived}` }) });
    expect(again?.version).toBe(3);
    expect(derived).toBe(0);
    expect(await store.get('note_r')).toMatchObject({ version: 3, state: { title: 'v3', owner: 'b' } });
    expect(await store.repairHead('note_none')).toBeNull();

    // Another process moves the head on while this one rebuilds it: the newer head stands.
    await store.heads.collection.updateOne({ _id: 'note_r' as never }, { $set: { version: 1 } });
    const newer = async () => {
      await store.heads.collection.updateOne({ _id: 'note_r' as never }, { $set: { version: 4, title: 'newer' } });
      return {};
    };
    expect((await store.repairHead('note_r', { headFields: newer }))?.version).toBe(3);
    expect(await store.get('note_r')).toMatchObject({ version: 4, state: { title: 'newer' } });
  });

  it('creates many aggregates in bulk and reports the ones that exist', async () => {
    await store.save({ id: 'note_b', expectedVersion: 0, state: { title: 'first', owner: 'z' }, events: [] });
    const result = await store.createMany(
      ['note_a', 'note_b', 'note_c'].map((id) => ({ id, state: { title: `bulk ${id}`, owner: 'z' }, events: [erased(id, 1)] })),
    );
    expect(result).toEqual({ created: ['note_a', 'note_c'], existing: ['note_b'] });
    expect((await store.get('note_b'))?.state.title).toBe('first');
    expect((await store.get('note_c'))?.state.title).toBe('bulk note_c');
    // One batch entry holds the versions' events, and its settled marker leaves out the one that existed (the relay's tests say how it goes out).
    const pending = await store.versions.db.collection<PendingDoc>('notes_versions_pending').find().toArray();
    expect(pending.map((p) => p._id)).toEqual([expect.stringMatching(/^batch:/)]);
    expect(entryVersions(pending[0]!).map(({ id }) => id)).toEqual(['note_a:1', 'note_b:1', 'note_c:1']);
    expect(await store.versions.db.collection('notes_versions_pending_settled').find().toArray()).toEqual([{ _id: pending[0]!._id, at: expect.any(Date), leave: ['note_b:1'] }]);
  });

  describe('packed states', () => {
    let workers: VersionedStore<Worker>;
    beforeEach(async () => {
      workers = new VersionedStore<Worker>({ connection: db.connection, name: 'workers', headSchema: looseHeads() });
      await workers.init();
    });

    it('stores nested fields as one JSON text and reads whole states back from get, history and head queries', async () => {
      await workers.createMany([{ id: 'wrk_1', state: aWorker('active', 'S1'), events: [], headFields: { nameKey: 'an' } }]);
      await workers.save({ id: 'wrk_1', expectedVersion: 1, state: aWorker('withdrawn', 'S2'), events: [], headFields: { nameKey: 'an' } });

      const head = await db.connection.collection('workers').findOne({ _id: 'wrk_1' as never });
      expect(head).toMatchObject({ status: 'withdrawn', hiredBy: ['emp_1'], nameKey: 'an', version: 2 });
      expect(head).not.toHaveProperty('profile');
      expect(JSON.parse(head!.stateJson as string)).toEqual({ profile: aWorker('withdrawn', 'S2').profile, consents: aWorker('withdrawn', 'S2').consents });
      const version = await db.connection.collection('workers_versions').findOne({ _id: 'wrk_1:1' as never });
      expect(version!.state).toEqual({ status: 'active', hiredBy: ['emp_1'] });

      expect((await workers.get('wrk_1'))?.state).toEqual({ ...aWorker('withdrawn', 'S2'), nameKey: 'an' });
      expect((await workers.history('wrk_1')).map((v) => v.state)).toEqual([aWorker('active', 'S1'), aWorker('withdrawn', 'S2')]);
      const listed = await workers.heads.find({ status: 'withdrawn' }).lean();
      expect(listed).toEqual([{ _id: 'wrk_1', version: 2, updatedAt: expect.any(Date), nameKey: 'an', ...aWorker('withdrawn', 'S2') }]);
      expect((await workers.heads.findById('wrk_1'))?.get('profile')).toEqual(aWorker('withdrawn', 'S2').profile);
    });

    it('repairs a missing head from the latest version, packed, with the head-only fields the caller derives', async () => {
      await workers.save({ id: 'wrk_r', expectedVersion: 0, state: aWorker('active', 'S1'), events: [], headFields: { nameKey: 'an' } });
      await workers.save({ id: 'wrk_r', expectedVersion: 1, state: aWorker('withdrawn', 'S2'), events: [], headFields: { nameKey: 'an' } });
      await workers.heads.deleteOne({ _id: 'wrk_r' });
      expect(await workers.get('wrk_r')).toBeNull();

      const repaired = await workers.repairHead('wrk_r', { headFields: async (latest) => ({ nameKey: `${latest.state.status}-an` }) });
      expect(repaired).toMatchObject({ version: 2, state: aWorker('withdrawn', 'S2') });
      const head = await db.connection.collection('workers').findOne({ _id: 'wrk_r' as never });
      expect(head).toMatchObject({ status: 'withdrawn', nameKey: 'withdrawn-an', version: 2 });
      expect(head).not.toHaveProperty('profile');
      expect((await workers.get('wrk_r'))?.state).toEqual({ ...aWorker('withdrawn', 'S2'), nameKey: 'withdrawn-an' });
      await workers.save({ id: 'wrk_r', expectedVersion: 2, state: aWorker('active', 'S3'), events: [] });
      expect((await workers.history('wrk_r')).map((v) => v.version)).toEqual([1, 2, 3]);
    });

    it('keeps scalar arrays of versions filterable and changeable in place (as erasure does)', async () => {
      await workers.save({ id: 'wrk_2', expectedVersion: 0, state: aWorker('active', 'S1'), events: [] });
      expect(await workers.versions.countDocuments({ 'state.hiredBy': 'emp_1' })).toBe(1);
      await workers.versions.updateOne({ _id: 'wrk_2:1' }, { $set: { 'state.hiredBy': ['erased'] } });
      expect((await workers.history('wrk_2'))[0]!.state).toEqual({ ...aWorker('active', 'S1'), hiredBy: ['erased'] });
    });

    it('stores bulk heads and versions as mongoose would: no field left undefined, defaults and casts of the head schema kept', async () => {
      await workers.createMany([{ id: 'wrk_u', state: { ...aWorker('active', 'S1'), note: undefined } as Worker, events: [] }]);
      const head = await db.connection.collection('workers').findOne({ _id: 'wrk_u' as never });
      expect(head).not.toHaveProperty('note');
      const version = await db.connection.collection('workers_versions').findOne({ _id: 'wrk_u:1' as never });
      expect(version).toMatchObject({ outbox: [], outboxPending: false });
      expect(version!.state).not.toHaveProperty('note');

      const tiered = new VersionedStore<Worker & { tier?: string }>({
        connection: db.connection,
        name: 'tiered',
        headSchema: new Schema({ status: String, tier: { type: String, default: 'basic' } }, { strict: false, minimize: false }),
      });
      await tiered.init();
      await tiered.createMany([{ id: 'wrk_t', state: aWorker('active', 'S1'), events: [] }]);
      expect(await db.connection.collection('tiered').findOne({ _id: 'wrk_t' as never })).toMatchObject({ tier: 'basic' });
      await workers.createMany([{ id: 'wrk_c', state: { ...aWorker('active', 'S1'), status: 7 as unknown as string }, events: [] }]);
      expect(await db.connection.collection('workers').findOne({ _id: 'wrk_c' as never })).toMatchObject({ status: '7' });
    });

    describe('with packScalars', () => {
      const declared = () => new Schema({ status: { type: String, index: true }, nameKey: String }, { strict: false, minimize: false });
      let packed: VersionedStore<Worker>;
      beforeEach(async () => {
        packed = new VersionedStore<Worker>({ connection: db.connection, name: 'people', headSchema: declared(), packScalars: true });
        await packed.init();
      });

      it('keeps only the declared fields beside one JSON text, which a head and its version share, and reads whole states back', async () => {
        await packed.createMany([{ id: 'wrk_p', state: aWorker('active', 'S1'), events: [], headFields: { nameKey: 'an' } }]);
        await packed.save({ id: 'wrk_q', expectedVersion: 0, state: aWorker('active', 'S2'), events: [], headFields: { nameKey: 'binh' } });
        await packed.save({ id: 'wrk_q', expectedVersion: 1, state: aWorker('withdrawn', 'S3'), events: [], headFields: { nameKey: 'binh' } });
        for (const [id, version] of [['wrk_p', 1], ['wrk_q', 2]] as const) {
          const head = await db.connection.collection('people').findOne({ _id: id as never });
          expect(Object.keys(head!).sort()).toEqual(['_id', 'nameKey', 'stateJson', 'status', 'updatedAt', 'version']);
          const stored = await db.connection.collection('people_versions').findOne({ _id: `${id}:${version}` as never });
          expect(stored!.state).toEqual({ status: head!.status });
          expect(stored!.stateJson).toBe(head!.stateJson);
        }
        expect((await packed.get('wrk_p'))?.state).toEqual({ ...aWorker('active', 'S1'), nameKey: 'an' });
        expect((await packed.getMany(['wrk_q'])).get('wrk_q')?.state).toEqual({ ...aWorker('withdrawn', 'S3'), nameKey: 'binh' });
        expect((await packed.history('wrk_q')).map((v) => v.state)).toEqual([aWorker('active', 'S2'), aWorker('withdrawn', 'S3')]);
        expect(await packed.heads.find({ status: 'withdrawn' }).lean()).toEqual([{ _id: 'wrk_q', version: 2, updatedAt: expect.any(Date), nameKey: 'binh', ...aWorker('withdrawn', 'S3') }]);
      });

      it('reads heads and versions stored with their scalars as fields, and nested before packing', async () => {
        const old = aWorker('active', 'S0');
        const { profile, consents, ...scalars } = old;
        await db.connection.collection('people_versions').insertMany([
          { _id: 'wrk_o:1' as never, aggregateId: 'wrk_o', version: 1, state: old, at: new Date(), outbox: [], outboxPending: false },
          { _id: 'wrk_o:2' as never, aggregateId: 'wrk_o', version: 2, state: scalars, stateJson: JSON.stringify({ profile, consents }), at: new Date(), outbox: [], outboxPending: false },
        ]);
        await db.connection.collection('people').insertOne({ _id: 'wrk_o' as never, ...scalars, nameKey: 'o', stateJson: JSON.stringify({ profile, consents }), version: 2, updatedAt: new Date() });
        expect((await packed.get('wrk_o'))?.state).toEqual({ ...old, nameKey: 'o' });
        expect((await packed.history('wrk_o')).map((v) => v.state)).toEqual([old, old]);
        await packed.save({ id: 'wrk_o', expectedVersion: 2, state: aWorker('withdrawn', 'S1'), events: [], headFields: { nameKey: 'o' } });
        expect((await packed.get('wrk_o'))?.state).toEqual({ ...aWorker('withdrawn', 'S1'), nameKey: 'o' });
      });

      it('packs a head-only field the head schema does not declare into the head\'s own text', async () => {
        await packed.createMany([{ id: 'wrk_h', state: aWorker('active', 'S1'), events: [], headFields: { extra: 'x' } }]);
        const head = await db.connection.collection('people').findOne({ _id: 'wrk_h' as never });
        expect(head).not.toHaveProperty('extra');
        expect(JSON.parse(head!.stateJson as string)).toMatchObject({ extra: 'x' });
        expect((await packed.get('wrk_h'))?.state).toEqual({ ...aWorker('active', 'S1'), extra: 'x' });
        expect((await packed.history('wrk_h'))[0]!.state).toEqual(aWorker('active', 'S1'));
      });

      it('refuses a strict head schema', () => {
        expect(() => new VersionedStore<Worker>({ connection: db.connection, name: 'strict_people', headSchema: new Schema({ status: String }), packScalars: true })).toThrow(/packScalars/);
      });
    });

    it('reads versions and heads written nested before packing, and moves on from them', async () => {
      const old = aWorker('active', 'S0');
      await db.connection.collection('workers_versions').insertOne({ _id: 'wrk_3:1' as never, aggregateId: 'wrk_3', version: 1, state: old, at: new Date(), outbox: [], outboxPending: false });
      await db.connection.collection('workers').insertOne({ _id: 'wrk_3' as never, ...old, version: 1, updatedAt: new Date() });
      expect(await workers.get('wrk_3')).toMatchObject({ version: 1, state: old });
      expect((await workers.heads.find({ status: 'active' }).lean())[0]).toMatchObject(old);
      await workers.save({ id: 'wrk_3', expectedVersion: 1, state: aWorker('active', 'S1'), events: [] });
      expect((await workers.history('wrk_3')).map((v) => v.state)).toEqual([old, aWorker('active', 'S1')]);
      expect((await workers.get('wrk_3'))?.state).toEqual(aWorker('active', 'S1'));
    });

    it('packs nothing in the heads of a strict head schema (it stores what it declares)', async () => {
      const strict = new VersionedStore<Worker>({
        connection: db.connection,
        name: 'strict_workers',
        headSchema: new Schema({ status: String, profile: Schema.Types.Mixed }),
      });
      await strict.init();
      await strict.save({ id: 'wrk_4', expectedVersion: 0, state: aWorker('active', 'S1'), events: [] });
      const head = await db.connection.collection('strict_workers').findOne({ _id: 'wrk_4' as never });
      expect(head).toMatchObject({ status: 'active', profile: aWorker('active', 'S1').profile });
      expect(head).not.toHaveProperty('stateJson');
      expect(await strict.heads.countDocuments({ 'profile.skills.code': 'S1' })).toBe(1);
    });
  });
});
