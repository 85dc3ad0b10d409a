import { workersTopic } from '@ketnoi/contracts';
import { createKafka, ensureTopics, EventPublisher, withSuffix } from '@ketnoi/messaging';
import { readTopic, testDatabase, testKafka, testLogger, uniqueName, waitFor } from '@ketnoi/testing';
import { Schema } from 'mongoose';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { addOutbox, insertVersion, OutboxRelay, pendingEvent, withOutbox } from '../../src/index.js';


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

  it('publishes every appended event once the writes settle, in version order per aggregate', async () => {
    const logger = testLogger();
    const suffix = uniqueName('outbox');
    const db = await testDatabase('outbox');
    cleanups.push(db.drop);
    // One immutable document per aggregate version; _id = aggregate:version makes writers of the same version conflict.
    const schema = new Schema({ _id: String, workerId: String, version: Number });
    addOutbox(schema);
    const Worker = db.connection.model('OutboxWorker', schema);
    await Worker.init();

    const kafka = createKafka({ brokers: inject('infra').kafkaBrokers, clientId: 'outbox-test', logger });
    await ensureTopics(kafka, [workersTopic], { topicName: withSuffix(suffix) });
    const publisher = new EventPublisher({ kafka, source: '/ketnoi/test', logger, topicName: withSuffix(suffix) });
    await publisher.connect();
    cleanups.push(() => publisher.disconnect());
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

    const reader = await readTopic(testKafka(), withSuffix(suffix)(workersTopic.name));
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
    const logger = testLogger();
    const suffix = uniqueName('outbox-text');
    const db = await testDatabase('outbox_text');
    cleanups.push(db.drop);
    const schema = new Schema({ _id: String, workerId: String, version: Number });
    addOutbox(schema);
    const Worker = db.connection.model('OutboxTextWorker', schema);
    await Worker.init();
    const kafka = createKafka({ brokers: inject('infra').kafkaBrokers, clientId: 'outbox-text-test', logger });
    await ensureTopics(kafka, [workersTopic], { topicName: withSuffix(suffix) });
    const publisher = new EventPublisher({ kafka, source: '/ketnoi/test', logger, topicName: withSuffix(suffix) });
    await publisher.connect();
    cleanups.push(() => publisher.disconnect());

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

    const relay = new OutboxRelay({ model: Worker, publisher, topics: [workersTopic], logger });
    expect(await relay.recover()).toBe(1);
    expect(await relay.flushOnce()).toBe(3);
    expect(relay.lastLagMs).toBeGreaterThanOrEqual(60_000);
    const reader = await readTopic(testKafka(), withSuffix(suffix)(workersTopic.name));
    cleanups.push(() => reader.stop());
    const messages = await reader.waitForCount(3);
    expect(messages.map((m) => m.key).sort()).toEqual(['wrk_legacy', 'wrk_old', 'wrk_text']);
    expect(await pendingEntries.countDocuments()).toBe(0);
  });

  it('refuses an invalid event at append time, before anything is stored', () => {
    expect(() => erased('x', 0)).toThrow(/refused/);
  });
});
