import { workersTopic } from '@ketnoi/contracts';
import { createKafka, ensureTopics, EventPublisher, withSuffix } from '@ketnoi/messaging';
import { readTopic, testDatabase, testKafka, testLogger, uniqueName, waitFor } from '@ketnoi/testing';
import { Schema } from 'mongoose';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { addOutbox, insertVersion, insertVersions, OutboxRelay, pendingEvent, pendingModelFor, VersionedStore, withOutbox } from '../../src/index.js';
import { entryVersions, openBatchEntry, settleBatchEntry, type EntryVersion } from '../../src/outbox/pending-index.js';
import { claimEntry, dropOldMarkers, settledMarkersFor } from '../../src/outbox/settled-markers.js';


const erased = (workerId: string, version: number) =>
  pendingEvent(workersTopic, {
    type: 'worker.erased',
    subject: workerId,
    data: { workerId, version, erasedAt: new Date().toISOString() },
  });

describe('outbox relay against the real broker and FerretDB', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  /** A database and a publisher to a workers topic of their own: what each relay here works with. */
  const setUp = async (name: string) => {
    const logger = testLogger();
    const suffix = uniqueName(name);
    const db = await testDatabase(name.replace(/-/g, '_'));
    cleanups.push(db.drop);
    const kafka = createKafka({ brokers: inject('infra').kafkaBrokers, clientId: `${name}-test`, logger });
    await ensureTopics(kafka, [workersTopic], { topicName: withSuffix(suffix) });
    const publisher = new EventPublisher({ kafka, source: '/ketnoi/test', logger, topicName: withSuffix(suffix) });
    await publisher.connect();
    cleanups.push(() => publisher.disconnect());
    return { logger, db, publisher, topic: withSuffix(suffix)(workersTopic.name) };
  };
  /** One immutable document per aggregate version; _id = aggregate:version makes writers of the same version conflict. */
  const workerVersions = async (db: Awaited<ReturnType<typeof testDatabase>>, modelName: string) => {
    const schema = new Schema({ _id: String, workerId: String, version: Number });
    addOutbox(schema);
    const model = db.connection.model(modelName, schema);
    await model.init();
    return model;
  };

  it('publishes every appended event once the writes settle, in version order per aggregate', async () => {
    const { logger, db, publisher, topic } = await setUp('outbox');
    const Worker = await workerVersions(db, 'OutboxWorker');
    const relay = new OutboxRelay({ model: Worker, publisher, topics: [workersTopic], logger, idleMs: 20, batchSize: 7, sendChunk: 4, recoverAfterMs: 0 });

    // A version whose pending-index entry a crash lost: found again when the relay starts.
    await Worker.create({ _id: 'wrk_outbox_lost:1', workerId: 'wrk_outbox_lost', version: 1, ...withOutbox([erased('wrk_outbox_lost', 1)]) });
    expect(await relay.recover()).toBe(1);
    relay.start();
    cleanups.push(() => relay.stop());

    // 20 aggregates, 3 versions each, written while the relay is running.
    const ids = Array.from({ length: 20 }, (_, i) => `wrk_outbox_${i}`);
    for (let version = 1; version <= 3; version += 1) {
      await Promise.all(ids.map((id) => insertVersion(Worker, { _id: `${id}:${version}`, workerId: id, version, outbox: [erased(id, version)] })));
      relay.kick();
    }
    ids.push('wrk_outbox_lost');

    const reader = await readTopic(testKafka(), topic);
    cleanups.push(() => reader.stop());
    await reader.waitForCount(61);
    await waitFor(async () => (await Worker.countDocuments({ outboxPending: true })) === 0, { what: 'outboxes cleared' });
    // Marked versions keep no copy of their events (they may carry personal data).
    const marked = await Worker.find({}).lean();
    expect(marked).toHaveLength(61);
    expect(marked.filter((doc) => (doc as { outbox?: unknown[] }).outbox?.length)).toEqual([]);

    const versionsByKey = new Map<string, number[]>();
    for (const message of reader.messages) {
      const event = JSON.parse(message.value!) as { data: { version: number } };
      versionsByKey.set(message.key!, [...(versionsByKey.get(message.key!) ?? []), event.data.version]);
    }
    expect([...versionsByKey.keys()].sort()).toEqual([...ids].sort());
    for (const [key, versions] of versionsByKey) {
      expect(versions).toEqual(key === 'wrk_outbox_lost' ? [1] : [1, 2, 3]);
    }
    expect(await Worker.countDocuments({ outbox: { $size: 0 } })).toBe(61);

    // A second writer of an existing version conflicts instead of overwriting it.
    await expect(Worker.create({ _id: `${ids[0]}:3`, workerId: ids[0], version: 3 })).rejects.toMatchObject({ code: 11000 });
  });

  it('keeps outboxes and pending events as JSON text, and still publishes and recovers those stored as documents before that', async () => {
    const { logger, db, publisher, topic } = await setUp('outbox-text');
    const Worker = await workerVersions(db, 'OutboxTextWorker');

    await insertVersion(Worker, { _id: 'wrk_text:1', workerId: 'wrk_text', version: 1, outbox: [erased('wrk_text', 1)] });
    const pendingEntries = db.connection.db!.collection<{ _id: string; events: unknown }>(`${Worker.collection.collectionName}_pending`);
    expect(typeof (await pendingEntries.findOne({ _id: 'wrk_text:1' }))?.events).toBe('string');
    // The version's own outbox (the source of truth) is text as well.
    const versions = db.connection.db!.collection<{ _id: string; outbox: unknown }>(Worker.collection.collectionName);
    expect(typeof (await versions.findOne({ _id: 'wrk_text:1' }))?.outbox).toBe('string');
    // A version written before that, outbox as documents, whose index entry a crash lost: recovered as it is.
    await versions.insertOne({ _id: 'wrk_old:1', workerId: 'wrk_old', version: 1, outbox: [erased('wrk_old', 1)], outboxPending: true, at: new Date(Date.now() - 120_000) } as never);
    await Worker.create({ _id: 'wrk_legacy:1', workerId: 'wrk_legacy', version: 1, ...withOutbox([erased('wrk_legacy', 1)]) });
    // Written a minute ago: the relay's lag is that of its oldest entry.
    await pendingEntries.insertOne({ _id: 'wrk_legacy:1', order: 1, events: [erased('wrk_legacy', 1)], at: new Date(Date.now() - 60_000) } as never);
    // A batch entry as written before batches were deflated: JSON text, settled by `$unset`.
    await pendingEntries.insertOne({ _id: 'batch:legacy', order: 1, events: '[]', batch: JSON.stringify([['wrk_batch_text:1', [erased('wrk_batch_text', 1)]]]), at: new Date() } as never);

    const relay = new OutboxRelay({ model: Worker, publisher, topics: [workersTopic], logger });
    expect(await relay.recover()).toBe(1);
    expect(await relay.flushOnce()).toBe(4);
    expect(relay.lastLagMs).toBeGreaterThanOrEqual(60_000);
    const reader = await readTopic(testKafka(), topic);
    cleanups.push(() => reader.stop());
    const messages = await reader.waitForCount(4);
    expect(messages.map((m) => m.key).sort()).toEqual(['wrk_batch_text', 'wrk_legacy', 'wrk_old', 'wrk_text']);
    expect(await pendingEntries.countDocuments()).toBe(0);
  });

  it('writes the events of insertVersions in one settled batch entry, leaving out versions there already, and marks none', async () => {
    const { logger, db, publisher, topic } = await setUp('insert-versions');
    const Worker = await workerVersions(db, 'InsertVersionsWorker');
    const pending = pendingModelFor(Worker);
    const doc = (id: string, version: number, events = [erased(id, version)]) => ({ _id: `${id}:${version}`, workerId: id, version, outbox: events });
    await insertVersion(Worker, doc('wrk_iv_b', 2));

    const taken = await insertVersions(Worker, [doc('wrk_iv_a', 1), doc('wrk_iv_b', 2), doc('wrk_iv_c', 2), doc('wrk_iv_d', 1, [])]);
    expect(taken).toEqual(new Set([1]));
    const entries = await pending.find({ batch: { $exists: true } }).lean();
    expect(entries).toHaveLength(1);
    // Of the highest version written (so the relay keeps versions in order), left as written (no rewrite), and
    // settled by a marker that leaves out the version that was there.
    expect(entries[0]).toMatchObject({ order: 2, tentative: true });
    expect(entryVersions(entries[0]!).map(({ id }) => id)).toEqual(['wrk_iv_a:1', 'wrk_iv_b:2', 'wrk_iv_c:2']);
    // Deflated, not text (FerretDB's cost follows a document's size).
    expect(typeof entries[0]!.batch).not.toBe('string');
    expect(await settledMarkersFor(Worker).find().lean()).toEqual([{ _id: entries[0]!._id, at: expect.any(Date), leave: ['wrk_iv_b:2'] }]);
    expect(await Worker.find({ outboxPending: true }).distinct('_id')).toEqual(['wrk_iv_b:2']);

    const relay = new OutboxRelay({ model: Worker, publisher, topics: [workersTopic], logger });
    expect(await relay.flushOnce()).toBe(3);
    const reader = await readTopic(testKafka(), topic);
    cleanups.push(() => reader.stop());
    expect((await reader.waitForCount(3)).map((m) => m.key).sort()).toEqual(['wrk_iv_a', 'wrk_iv_b', 'wrk_iv_c']);
    expect(await relay.markPublished()).toBe(1);
    expect(await pending.countDocuments()).toBe(0);
    expect(await settledMarkersFor(Worker).countDocuments()).toBe(0);
    // A redelivery of the same versions: nothing to publish.
    expect(await insertVersions(Worker, [doc('wrk_iv_a', 1), doc('wrk_iv_c', 2)])).toEqual(new Set([0, 1]));
    expect(await pending.countDocuments()).toBe(0);
  });

  it("keeps an aggregate's versions in order across insertVersions calls made in a row, even when the later entry's order is lower", async () => {
    const { logger, db, publisher, topic } = await setUp('insert-versions-order');
    const Worker = await workerVersions(db, 'InsertVersionsOrderWorker');
    const doc = (id: string, version: number) => ({ _id: `${id}:${version}`, workerId: id, version, outbox: [erased(id, version)] });
    // The first entry is of order 3 (wrk_io_y's version), the second of order 2: only their times put wrk_io_x's versions in order.
    await insertVersions(Worker, [doc('wrk_io_x', 1), doc('wrk_io_y', 3)]);
    await insertVersions(Worker, [doc('wrk_io_x', 2)]);
    const relay = new OutboxRelay({ model: Worker, publisher, topics: [workersTopic], logger });
    expect(await relay.flushOnce()).toBe(3);
    const reader = await readTopic(testKafka(), topic);
    cleanups.push(() => reader.stop());
    const versions = (await reader.waitForCount(3)).filter((m) => m.key === 'wrk_io_x').map((m) => (JSON.parse(m.value!) as { data: { version: number } }).data.version);
    expect(versions).toEqual([1, 2]);
  });

  describe('batch entries (bulk creation)', () => {
    /** A versioned store, a relay over its versions and a reader of what it publishes. */
    const fixture = async (name: string, relayOptions: { batchSize?: number; recoverAfterMs?: number; abandonAfterMs?: number } = {}) => {
      const { logger, db, publisher, topic } = await setUp(name);
      const store = new VersionedStore<{ title: string }>({ connection: db.connection, name, headSchema: new Schema({ title: String }) });
      await store.init();
      const relay = new OutboxRelay({ model: store.versions, publisher, topics: [workersTopic], logger, ...relayOptions });
      const reader = await readTopic(testKafka(), topic);
      cleanups.push(() => reader.stop());
      const pending = pendingModelFor(store.versions);
      /** Version documents written as a batch writer does (no outbox), events for a batch entry. */
      const written = async (ids: string[], wrote = ids): Promise<EntryVersion[]> => {
        if (wrote.length > 0) await store.versions.insertMany(wrote.map((id) => ({ _id: `${id}:1`, aggregateId: id, version: 1, stateJson: '{}', at: new Date() })));
        return ids.map((id) => ({ id: `${id}:1`, events: [erased(id, 1)] }));
      };
      const keys = () => reader.messages.map((message) => message.key).sort();
      return { store, relay, reader, pending, written, keys };
    };
    const ago = (ms: number) => new Date(Date.now() - ms);

    it('publishes a bulk creation from one settled entry and has none of its versions to mark', async () => {
      const { store, relay, reader, pending, keys } = await fixture('batch_entry');
      await store.save({ id: 'wrk_bulk_b', expectedVersion: 0, state: { title: 'one by one' }, events: [erased('wrk_bulk_b', 1)] });
      const result = await store.createMany(['wrk_bulk_a', 'wrk_bulk_b', 'wrk_bulk_c'].map((id) => ({ id, state: { title: id }, events: [erased(id, 1)] })));
      expect(result).toEqual({ created: ['wrk_bulk_a', 'wrk_bulk_c'], existing: ['wrk_bulk_b'] });

      const entries = await pending.find().lean();
      expect(entries.map((entry) => entry._id).sort()).toEqual([expect.stringMatching(/^batch:/), 'wrk_bulk_b:1']);
      const batch = entries.find((entry) => entry.batch !== undefined)!;
      expect(batch.tentative).toBe(true);
      expect(entryVersions(batch).map(({ id }) => id)).toEqual(['wrk_bulk_a:1', 'wrk_bulk_b:1', 'wrk_bulk_c:1']);
      expect(await settledMarkersFor(store.versions).find().lean()).toEqual([{ _id: batch._id, at: expect.any(Date), leave: ['wrk_bulk_b:1'] }]);
      // The bulk versions keep no outbox: the entry is their events' only copy.
      expect(await store.versions.find({ outboxPending: true }).distinct('_id')).toEqual(['wrk_bulk_b:1']);

      expect(await relay.flushOnce()).toBe(3);
      await reader.waitForCount(3);
      expect(keys()).toEqual(['wrk_bulk_a', 'wrk_bulk_b', 'wrk_bulk_c']);
      expect(await pending.countDocuments()).toBe(0);
      expect(await relay.markPublished()).toBe(1);
      expect(await store.versions.countDocuments({ outboxPending: true })).toBe(0);

      // Created again (a redelivery): nothing new to publish, no entry left.
      expect(await store.createMany(['wrk_bulk_a', 'wrk_bulk_c'].map((id) => ({ id, state: { title: id }, events: [erased(id, 1)] })))).toEqual({ created: [], existing: ['wrk_bulk_a', 'wrk_bulk_c'] });
      expect(await pending.countDocuments()).toBe(0);
    });

    it('waits for a tentative entry\'s writer, publishes it once the writer is late, and gives up on versions never written', async () => {
      const { store, relay, reader, pending, written, keys } = await fixture('batch_late', { recoverAfterMs: 1_000, abandonAfterMs: 10_000 });
      const fresh = await openBatchEntry(store.versions, await written(['wrk_a1', 'wrk_a2']), new Date());
      await openBatchEntry(store.versions, await written(['wrk_b1', 'wrk_b2']), ago(5_000)); // writer died before settling
      const midway = await openBatchEntry(store.versions, await written(['wrk_c1', 'wrk_c2'], ['wrk_c1']), ago(5_000)); // writer still at work?
      await openBatchEntry(store.versions, await written(['wrk_d1', 'wrk_d2'], ['wrk_d1']), ago(20_000)); // died mid-insert
      await openBatchEntry(store.versions, await written(['wrk_e1'], []), ago(20_000)); // died before any version

      expect(await relay.flushOnce()).toBe(3);
      await reader.waitForCount(3);
      expect(keys()).toEqual(['wrk_b1', 'wrk_b2', 'wrk_d1']);
      expect((await pending.find().lean()).map((entry) => entry._id).sort()).toEqual([fresh, midway].sort());

      // The writers settle: all written, and one of two (the other existed: a redelivery).
      await settleBatchEntry(store.versions, fresh, await written(['wrk_a1', 'wrk_a2'], []), await written(['wrk_a1', 'wrk_a2'], []), new Date());
      await settleBatchEntry(store.versions, midway, await written(['wrk_c1', 'wrk_c2'], []), await written(['wrk_c1'], []), ago(5_000));
      expect(await relay.flushOnce()).toBe(3);
      await reader.waitForCount(6);
      expect(keys()).toEqual(['wrk_a1', 'wrk_a2', 'wrk_b1', 'wrk_b2', 'wrk_c1', 'wrk_d1']);
      expect(await pending.countDocuments()).toBe(0);

      // A writer that settles after the relay took its entry over enters its events again: twice, never lost.
      const late = await written(['wrk_f1']);
      const taken = await openBatchEntry(store.versions, late, ago(5_000));
      expect(await relay.flushOnce()).toBe(1);
      await settleBatchEntry(store.versions, taken, late, late, ago(5_000));
      expect(await relay.flushOnce()).toBe(1);
      await reader.waitForCount(8);
      expect(keys().filter((key) => key === 'wrk_f1')).toHaveLength(2);
      // The entries taken over keep their markers (for a writer coming back), the settled ones' are gone.
      // (those of wrk_b, wrk_d, wrk_e and wrk_f1).
      const markers = await settledMarkersFor(store.versions).find().lean();
      expect(markers).toHaveLength(4);
      expect(markers.every((marker) => marker.taken === true)).toBe(true);
      expect(markers.map((marker) => marker._id)).toContain(taken);
    });

    it('publishes what a writer settled when it settles while the relay is about to take its entry over', async () => {
      const { store, relay, reader, pending, written, keys } = await fixture('batch_race', { recoverAfterMs: 1_000 });
      const opened = await written(['wrk_r1', 'wrk_r2']);
      const entry = await openBatchEntry(store.versions, opened, ago(5_000));
      // The writer settles between the relay's read of the markers and its claim: wrk_r2 was there already (a redelivery).
      const late = (relay as unknown as { lateVersions: (entry: unknown) => Promise<unknown> }).lateVersions.bind(relay);
      (relay as unknown as { lateVersions: (entry: unknown) => Promise<unknown> }).lateVersions = async (read) => {
        const versions = await late(read);
        await settleBatchEntry(store.versions, entry, opened, opened.slice(0, 1), ago(5_000));
        return versions;
      };
      expect(await relay.flushOnce()).toBe(1);
      await reader.waitForCount(1);
      expect(keys()).toEqual(['wrk_r1']);
      expect(await pending.countDocuments()).toBe(0);
      expect(await settledMarkersFor(store.versions).countDocuments()).toBe(0);
    });

    it('after a restart, publishes an entry its relay took over but did not drop, and one settled but not published', async () => {
      const { store, relay, reader, pending, written, keys } = await fixture('batch_restart', { recoverAfterMs: 1_000 });
      // The relay before the restart claimed this entry (its writer died) and stopped before publishing it.
      const claimed = await openBatchEntry(store.versions, await written(['wrk_s1']), ago(5_000));
      expect(await claimEntry(store.versions, claimed)).toBeUndefined();
      // Settled by its writer, never published; and one settled before markers existed (`$unset`), as stored by older builds.
      const settled = await openBatchEntry(store.versions, await written(['wrk_s2']), new Date());
      await settleBatchEntry(store.versions, settled, await written(['wrk_s2'], []), await written(['wrk_s2'], []), new Date());
      const older = await openBatchEntry(store.versions, await written(['wrk_s3']), new Date());
      await pending.updateOne({ _id: older }, { $unset: { tentative: 1 } });

      expect(await relay.flushOnce()).toBe(3);
      await reader.waitForCount(3);
      expect(keys()).toEqual(['wrk_s1', 'wrk_s2', 'wrk_s3']);
      expect(await pending.countDocuments()).toBe(0);
      // The writer of the entry taken over, back after all, learns it and enters its events again.
      await settleBatchEntry(store.versions, claimed, await written(['wrk_s1'], []), await written(['wrk_s1'], []), ago(5_000));
      expect(await relay.flushOnce()).toBe(1);
      expect(await settledMarkersFor(store.versions).find().distinct('_id')).toEqual([claimed]);
      // A day later the recovery drops the marker: its entry is long gone. A marker whose entry is pending stays.
      const waiting = await openBatchEntry(store.versions, await written(['wrk_s4']), new Date());
      await settleBatchEntry(store.versions, waiting, await written(['wrk_s4'], []), await written(['wrk_s4'], []), new Date());
      expect(await dropOldMarkers(store.versions, pending, new Date(Date.now() + 1_000))).toBe(1);
      expect(await settledMarkersFor(store.versions).find().distinct('_id')).toEqual([waiting]);
    });

    it('drops an entry taken over only while it is tentative: a writer of an older build that settled it by $unset has it published again', async () => {
      const { store, relay, reader, pending, written, keys } = await fixture('batch_old_writer', { recoverAfterMs: 1_000 });
      const entry = await openBatchEntry(store.versions, await written(['wrk_o1']), ago(5_000));
      const late = (relay as unknown as { lateVersions: (entry: unknown) => Promise<unknown> }).lateVersions.bind(relay);
      (relay as unknown as { lateVersions: (entry: unknown) => Promise<unknown> }).lateVersions = async (read) => {
        const versions = await late(read);
        await pending.updateOne({ _id: entry }, { $unset: { tentative: 1 } });
        return versions;
      };
      expect(await relay.flushOnce()).toBe(1);
      expect(await relay.flushOnce()).toBe(1);
      await reader.waitForCount(2);
      expect(keys()).toEqual(['wrk_o1', 'wrk_o1']);
    });

    it('keeps publishing the entries behind a tentative one, a batch at a time', async () => {
      const { store, relay, reader, written } = await fixture('batch_head', { batchSize: 2 });
      await openBatchEntry(store.versions, await written(['wrk_w1', 'wrk_w2']), new Date());
      for (const id of ['wrk_p1', 'wrk_p2', 'wrk_p3', 'wrk_p4']) await insertVersion(store.versions, { _id: `${id}:1`, aggregateId: id, version: 1, stateJson: '{}', at: new Date(), outbox: [erased(id, 1)] });
      const published: number[] = [];
      for (let flush = 0; flush < 4; flush += 1) published.push(await relay.flushOnce());
      // 2 entries read (the tentative one and one more), then as many as make a batch plus the one waiting.
      expect(published).toEqual([1, 2, 1, 0]);
      await reader.waitForCount(4);
    });
  });

  it('looks less often while nothing is pending, up to idleMaxMs, and at once when kicked', async () => {
    const { logger, db, publisher, topic } = await setUp('outbox-idle');
    const Worker = await workerVersions(db, 'OutboxIdleWorker');
    const relay = new OutboxRelay({ model: Worker, publisher, topics: [workersTopic], logger, idleMs: 20, idleMaxMs: 160 });
    const looks: number[] = [];
    const flush = relay.flushOnce.bind(relay);
    relay.flushOnce = () => {
      looks.push(Date.now());
      return flush();
    };
    relay.start();
    cleanups.push(() => relay.stop());
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    // 20, 40, 80, 160, 160, … ms apart: about 10 looks in 1.2 s where a fixed 20 ms made 60.
    expect(looks.length).toBeGreaterThanOrEqual(5);
    expect(looks.length).toBeLessThanOrEqual(16);
    const gaps = looks.slice(1).map((at, i) => at - looks[i]!);
    expect(Math.max(...gaps)).toBeLessThan(600);

    // Written by another process (no kick): found within the longest wait.
    const reader = await readTopic(testKafka(), topic);
    cleanups.push(() => reader.stop());
    await insertVersion(Worker, { _id: 'wrk_idle_1:1', workerId: 'wrk_idle_1', version: 1, outbox: [erased('wrk_idle_1', 1)] });
    await reader.waitForCount(1, 5_000);
    // Written here and kicked: looked at without waiting out the idle time.
    await new Promise((resolve) => setTimeout(resolve, 800));
    const before = looks.length;
    relay.kick();
    await waitFor(() => looks.length > before, { timeoutMs: 100, what: 'a look right after the kick' });
  });

  it('reads again at once only while a read may have left entries behind, not after one that found them all', async () => {
    const { logger, db, publisher, topic } = await setUp('outbox-reread');
    const Worker = await workerVersions(db, 'OutboxRereadWorker');
    // Idle looks far apart: every look in this test is a kick's or a re-read.
    const relay = new OutboxRelay({ model: Worker, publisher, topics: [workersTopic], logger, idleMs: 60_000, batchSize: 2 });
    const looks: number[] = [];
    const flush = relay.flushOnce.bind(relay);
    relay.flushOnce = async () => {
      const published = await flush();
      looks.push(published);
      return published;
    };
    relay.start();
    cleanups.push(() => relay.stop());
    await waitFor(() => looks.length === 1, { what: 'the first look' });
    const reader = await readTopic(testKafka(), topic);
    cleanups.push(() => reader.stop());

    // Five written, one kick: batches of two, each read again at once (the last read found one of two).
    for (let i = 1; i <= 5; i += 1) await insertVersion(Worker, { _id: `wrk_reread_${i}:1`, workerId: `wrk_reread_${i}`, version: 1, outbox: [erased(`wrk_reread_${i}`, 1)] });
    relay.kick();
    await reader.waitForCount(5, 5_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(looks.slice(1)).toEqual([2, 2, 1]);

    // One more, kicked: one look, which found it and all there was; none after it.
    await insertVersion(Worker, { _id: 'wrk_reread_6:1', workerId: 'wrk_reread_6', version: 1, outbox: [erased('wrk_reread_6', 1)] });
    relay.kick();
    await reader.waitForCount(6, 5_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(looks.slice(4)).toEqual([1]);
  });

  describe('first versions handed over by their writer', () => {
    /** A relay whose reads of the pending index are counted, and a reader of its topic. */
    const counted = async (name: string, idleMs: number) => {
      const { logger, db, publisher, topic } = await setUp(name);
      const Worker = await workerVersions(db, `${name.replace(/-/g, '')}Worker`);
      const pending = pendingModelFor(Worker);
      const find = pending.find.bind(pending);
      const deleteMany = pending.deleteMany.bind(pending);
      const reads = { n: 0, deletes: 0 };
      pending.find = ((...args: Parameters<typeof find>) => {
        reads.n += 1;
        return find(...args);
      }) as typeof find;
      pending.deleteMany = ((...args: Parameters<typeof deleteMany>) => {
        reads.deletes += 1;
        return deleteMany(...args);
      }) as typeof deleteMany;
      const relay = new OutboxRelay({ model: Worker, publisher, topics: [workersTopic], logger, idleMs });
      relay.start();
      cleanups.push(() => relay.stop());
      await waitFor(() => reads.n > 0, { what: 'the first read' });
      const reader = await readTopic(testKafka(), topic);
      cleanups.push(() => reader.stop());
      const write = async (id: string, version = 1) => {
        await insertVersion(Worker, { _id: `${id}:${version}`, workerId: id, version, outbox: [erased(id, version)] });
        relay.kick();
      };
      return { Worker, publisher, relay, reader, reads, write };
    };

    it('publishes them without reading the index while the last read found everything, and reads for anything else', async () => {
      const { Worker, reader, reads, write } = await counted('outbox-handed', 1_000);
      await write('wrk_handed_1');
      await reader.waitForCount(1, 5_000);
      const before = { ...reads };
      // The first one too, when it was handed over (its read was within idleMs).
      const left = await pendingModelFor(Worker).countDocuments();
      await write('wrk_handed_2');
      await write('wrk_handed_3');
      await reader.waitForCount(3, 5_000);
      // Neither read nor dropped from the index one by one: they are dropped with the next read's.
      expect(reads).toEqual(before);
      expect(await pendingModelFor(Worker).countDocuments()).toBe(left + 2);

      // A later version is read from the index (an older one of its aggregate could be waiting there), after the two are dropped.
      await write('wrk_handed_1', 2);
      await reader.waitForCount(4, 5_000);
      expect(reads.n).toBeGreaterThan(before.n);
      await waitFor(async () => (await pendingModelFor(Worker).countDocuments()) === 0, { what: 'the index emptied' });
      expect(reads.deletes).toBe(before.deletes + 2);
      expect(reader.messages.map((m) => m.key)).toEqual(['wrk_handed_1', 'wrk_handed_2', 'wrk_handed_3', 'wrk_handed_1']);

      // Written by another process (nothing handed over): read within idleMs, although handed-over writes keep the relay busy.
      await Worker.collection.insertOne({ _id: 'wrk_elsewhere:1', workerId: 'wrk_elsewhere', version: 1, ...withOutbox([erased('wrk_elsewhere', 1)]) } as never);
      await pendingModelFor(Worker).collection.insertOne({ _id: 'wrk_elsewhere:1', order: 1, events: JSON.stringify([erased('wrk_elsewhere', 1)]), at: new Date() } as never);
      const started = Date.now();
      for (let i = 0; !reader.messages.some((m) => m.key === 'wrk_elsewhere') && Date.now() - started < 3_000; i += 1) {
        await write(`wrk_busy_${i}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(reader.messages.some((m) => m.key === 'wrk_elsewhere')).toBe(true);
      expect(Date.now() - started).toBeLessThan(2_500);
    });

    it('publishes once an entry handed over while a read that found it was on its way', async () => {
      const { Worker, relay, reader, write } = await counted('outbox-handed-twice', 5_000);
      await write('wrk_twice_0');
      await reader.waitForCount(1, 5_000);
      // The next read waits 300 ms before it runs: the write below is stored and handed over meanwhile, so that read finds it too.
      const pending = pendingModelFor(Worker);
      const find = pending.find;
      pending.find = ((...args: Parameters<typeof find>) => {
        const query = find.apply(pending, args);
        const exec = query.exec.bind(query);
        query.exec = (async (...rest: Parameters<typeof exec>) => {
          await new Promise((resolve) => setTimeout(resolve, 300));
          return exec(...rest);
        }) as typeof exec;
        pending.find = find;
        return query;
      }) as typeof find;
      // A later version makes the flush read (and wait).
      await write('wrk_twice_0', 2);
      await new Promise((resolve) => setTimeout(resolve, 100));
      await write('wrk_twice_1');
      await reader.waitForCount(3, 5_000);
      relay.kick();
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(reader.messages.filter((m) => m.key === 'wrk_twice_1')).toHaveLength(1);
    });

    it('reads the index after a flush of handed-over entries failed: nothing handed over is lost', async () => {
      const { publisher, reader, write } = await counted('outbox-handed-failed', 5_000);
      await write('wrk_failed_0');
      await reader.waitForCount(1, 5_000);
      const send = publisher.send.bind(publisher);
      let failures = 0;
      publisher.send = (async (...args: Parameters<typeof send>) => {
        if (failures === 0) {
          failures += 1;
          throw new Error('injected: the broker refused');
        }
        return send(...args);
      }) as typeof send;
      await write('wrk_failed_1');
      await waitFor(() => failures === 1, { what: 'the failed send' });
      // The next flush, woken by the next write, reads both from the index (the idle look is seconds away).
      await write('wrk_failed_2');
      await reader.waitForCount(3, 1_500);
      expect(reader.messages.map((m) => m.key)).toEqual(expect.arrayContaining(['wrk_failed_1', 'wrk_failed_2']));
    });
  });

  it('refuses an invalid event at append time, before anything is stored', () => {
    expect(() => erased('x', 0)).toThrow(/refused/);
  });
});
