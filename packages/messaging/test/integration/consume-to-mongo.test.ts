import { ingestVacanciesTopic, type TopicEvent } from '@ketnoi/contracts';
import { unavailable } from '@ketnoi/errors';
import { readTopic, testDatabase, testKafka, testLogger, uniqueName, waitFor } from '@ketnoi/testing';
import type { Kafka } from 'kafkajs';
import { Schema, type Connection, type Model } from 'mongoose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  EventConsumer,
  EventPublisher,
  ensureTopics,
  withSuffix,
  type BatchEventHandler,
  type EventHandler,
} from '../../src/index.js';
import { aVacancySubmission } from '../unit/mothers.js';

type Submitted = TopicEvent<typeof ingestVacanciesTopic>;

interface StoredVacancy {
  _id: string;
  externalRef: string;
  title: string;
  positions: number;
}

const storedVacancySchema = new Schema<StoredVacancy>({
  _id: String,
  externalRef: String,
  title: String,
  positions: Number,
});

/** The durable effect: one document per event id; a redelivered event is a duplicate. */
const storeVacancy =
  (model: Model<StoredVacancy>): EventHandler<typeof ingestVacanciesTopic> =>
  async (event: Submitted) => {
    const { externalRef, terms } = event.data;
    const result = await model.updateOne(
      { _id: event.id },
      { $setOnInsert: { externalRef, title: terms.title, positions: terms.positions } },
      { upsert: true },
    );
    return result.upsertedCount === 1 ? undefined : 'duplicate';
  };

describe('messaging against the real broker and FerretDB', () => {
  let kafka: Kafka;
  let suffix: string;
  let db: Awaited<ReturnType<typeof testDatabase>>;
  let model: Model<StoredVacancy>;
  let publisher: EventPublisher;
  const consumers: EventConsumer[] = [];
  const logger = testLogger();

  const physical = () => withSuffix(suffix)(ingestVacanciesTopic.name);

  const newConsumer = (partitionsConsumedConcurrently = 1) =>
    new EventConsumer({
      kafka,
      groupId: uniqueName('group'),
      logger,
      topicName: withSuffix(suffix),
      retry: { attempts: 5, initialMs: 20, maxMs: 100 },
      maxWaitTimeInMs: 250,
      partitionsConsumedConcurrently,
    });

  const startConsumer = async (handler: EventHandler<typeof ingestVacanciesTopic>) => {
    const consumer = newConsumer().subscribe(ingestVacanciesTopic, handler);
    consumers.push(consumer);
    await consumer.start();
    return consumer;
  };

  const startBatchConsumer = async (handler: BatchEventHandler<typeof ingestVacanciesTopic>, maxBatchSize = 50) => {
    const consumer = newConsumer(3).subscribeBatch(ingestVacanciesTopic, handler, { maxBatchSize });
    consumers.push(consumer);
    await consumer.start();
    return consumer;
  };

  /** The batch's effect in one bulk write; an event already stored is a duplicate. */
  const storeVacancies: BatchEventHandler<typeof ingestVacanciesTopic> = async (items) => {
    const result = await model.bulkWrite(
      items.map(({ event }) => ({
        updateOne: {
          filter: { _id: event.id },
          update: {
            $setOnInsert: {
              externalRef: event.data.externalRef,
              title: event.data.terms.title,
              positions: event.data.terms.positions,
            },
          },
          upsert: true,
        },
      })),
      { ordered: true },
    );
    const inserted = new Set(Object.keys(result.upsertedIds).map(Number));
    return items.map((_, index) => (inserted.has(index) ? 'ok' : 'duplicate'));
  };

  const submissions = (count: number, prefix: string) =>
    Array.from({ length: count }, (_, i) => ({
      type: 'vacancy.submitted' as const,
      subject: `${prefix}-${i % 7}`,
      data: aVacancySubmission({ externalRef: `${prefix}-${i % 7}` }),
      id: `${prefix}-evt-${i}`,
    }));

  beforeEach(async () => {
    kafka = testKafka();
    suffix = uniqueName('msg');
    db = await testDatabase('messaging');
    model = (db.connection as Connection).model<StoredVacancy>('StoredVacancy', storedVacancySchema);
    await ensureTopics(kafka, [ingestVacanciesTopic], { withDeadLetters: true, topicName: withSuffix(suffix) });
    publisher = new EventPublisher({ kafka, source: '/ketnoi/test', logger, topicName: withSuffix(suffix) });
    await publisher.connect();
  });

  afterEach(async () => {
    await Promise.all(consumers.splice(0).map((c) => c.stop()));
    await publisher.disconnect();
    await db.drop();
  });

  it('publishes a CloudEvent that a consumer stores through mongoose and reads back', async () => {
    await startConsumer(storeVacancy(model));
    const [event] = await publisher.publish(ingestVacanciesTopic, [
      { type: 'vacancy.submitted', subject: 'ext-42', data: aVacancySubmission({ externalRef: 'ext-42' }) },
    ]);

    const stored = await waitFor(() => model.findById(event!.id).lean(), { what: 'the stored vacancy' });
    expect(stored).toMatchObject({ externalRef: 'ext-42', title: 'Công nhân lắp ráp linh kiện điện tử', positions: 120 });

    const raw = await readTopic(kafka, physical());
    const [message] = await raw.waitForCount(1);
    await raw.stop();
    expect(message!.key).toBe('ext-42');
    expect(JSON.parse(message!.value!)).toMatchObject({ specversion: '1.0', type: 'vacancy.submitted', id: event!.id });
  });

  it('dead-letters a malformed message with its reason and still handles the next one', async () => {
    await startConsumer(storeVacancy(model));
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic: physical(),
      messages: [{ key: 'ext-bad', value: '{"specversion":"1.0",', headers: { origin: 'desk-7' } }],
    });
    await producer.disconnect();
    const [good] = await publisher.publish(ingestVacanciesTopic, [
      { type: 'vacancy.submitted', subject: 'ext-good', data: aVacancySubmission({ externalRef: 'ext-good' }) },
    ]);

    await waitFor(() => model.findById(good!.id).lean(), { what: 'the good message stored' });
    const dlq = await readTopic(kafka, `${physical()}.dlq`);
    const [dead] = await dlq.waitForCount(1);
    await dlq.stop();
    expect(dead!.value).toBe('{"specversion":"1.0",');
    expect(dead!.key).toBe('ext-bad');
    expect(dead!.headers).toMatchObject({
      'ketnoi-dlq-code': 'INVALID_JSON',
      'ketnoi-dlq-topic': physical(),
      origin: 'desk-7',
    });
    expect(dead!.headers['ketnoi-dlq-reason']).toMatch(/not JSON/);
    expect(await model.countDocuments()).toBe(1);
  });

  it('retries a retriable failure and stores exactly one effect', async () => {
    let attempts = 0;
    const flaky: EventHandler<typeof ingestVacanciesTopic> = async (event, context) => {
      attempts += 1;
      if (context.attempt < 3) throw unavailable('database briefly away');
      return storeVacancy(model)(event, context);
    };
    await startConsumer(flaky);
    const [event] = await publisher.publish(ingestVacanciesTopic, [
      { type: 'vacancy.submitted', subject: 'ext-flaky', data: aVacancySubmission({ externalRef: 'ext-flaky' }) },
    ]);

    await waitFor(() => model.findById(event!.id).lean(), { what: 'the retried message stored' });
    expect(attempts).toBe(3);
    expect(await model.countDocuments()).toBe(1);
  });

  it('hands a message back to Kafka when in-place retries run out, and loses nothing', async () => {
    let failuresLeft = 7; // more than the 5 in-place attempts: the message is redelivered
    await startConsumer(async (event, context) => {
      if (failuresLeft-- > 0) throw unavailable('database down for a while');
      return storeVacancy(model)(event, context);
    });
    const [first, second] = await publisher.publish(ingestVacanciesTopic, [
      { type: 'vacancy.submitted', subject: 'ext-a', data: aVacancySubmission({ externalRef: 'ext-a' }) },
      { type: 'vacancy.submitted', subject: 'ext-a', data: aVacancySubmission({ externalRef: 'ext-a' }) },
    ]);

    await waitFor(() => model.findById(second!.id).lean(), { what: 'both messages stored', timeoutMs: 45_000 });
    expect(await model.findById(first!.id).lean()).not.toBeNull();
    expect(await model.countDocuments()).toBe(2);
  });

  it('treats a redelivered event as a duplicate: one effect', async () => {
    const outcomes: string[] = [];
    await startConsumer(async (event, context) => {
      const result = await storeVacancy(model)(event, context);
      outcomes.push(result ?? 'stored');
      return result;
    });
    const input = { type: 'vacancy.submitted' as const, subject: 'ext-dup', data: aVacancySubmission(), id: 'evt-dup-1' };
    await publisher.publish(ingestVacanciesTopic, [input, input]);

    await waitFor(() => outcomes.length === 2, { what: 'both deliveries handled' });
    expect(outcomes).toEqual(['stored', 'duplicate']);
    expect(await model.countDocuments()).toBe(1);
  });

  describe('batch subscriptions', () => {
    it('applies many events in a few handler calls, partitions at once, each effect once', async () => {
      const sizes: number[] = [];
      await startBatchConsumer(async (items, context) => {
        sizes.push(items.length);
        return storeVacancies(items, context);
      });
      const input = submissions(300, 'bulk');
      await publisher.publish(ingestVacanciesTopic, input);
      await publisher.publish(ingestVacanciesTopic, input.slice(0, 20)); // redelivered copies

      await waitFor(async () => (await model.countDocuments()) === 300 && sizes.reduce((a, b) => a + b, 0) === 320, {
        what: 'every event handled',
      });
      expect(Math.max(...sizes)).toBeLessThanOrEqual(50);
      expect(sizes.length).toBeLessThan(320);
      expect(await model.countDocuments()).toBe(300);
    });

    it('dead-letters poison and the one event its handler cannot apply; the rest of the batch applies', async () => {
      const producer = kafka.producer();
      await producer.connect();
      await producer.send({ topic: physical(), messages: [{ key: 'bad-0', value: 'not json at all' }] });
      await producer.disconnect();
      const input = submissions(40, 'mixed');
      const refused = input[17]!.id;
      await startBatchConsumer(async (items, context) => {
        if (items.some(({ event }) => event.id === refused)) throw new Error('this vacancy breaks a rule');
        return storeVacancies(items, context);
      });
      await publisher.publish(ingestVacanciesTopic, input);

      await waitFor(async () => (await model.countDocuments()) === 39, { what: 'the 39 good events stored' });
      const dlq = await readTopic(kafka, `${physical()}.dlq`);
      const dead = await dlq.waitForCount(2);
      await dlq.stop();
      const codes = dead.map((m) => m.headers['ketnoi-dlq-code']).sort();
      expect(codes).toEqual(['HANDLER_FAILED', 'INVALID_JSON']);
      const failed = dead.find((m) => m.headers['ketnoi-dlq-code'] === 'HANDLER_FAILED')!;
      expect(JSON.parse(failed.value!).id).toBe(refused);
      expect(failed.headers['ketnoi-dlq-reason']).toMatch(/breaks a rule/);
      expect(await model.findById(refused).lean()).toBeNull();
    });

    it('dead-letters the event a batch handler refuses, with its reason, and applies the rest without a retry', async () => {
      const input = submissions(30, 'refusing');
      const refused = input[11]!.id;
      let handled = 0;
      await startBatchConsumer(async (items, context) => {
        handled += items.length;
        await context.heartbeat(); // a long batch keeps the group membership
        const applied = await storeVacancies(items.filter(({ event }) => event.id !== refused), context);
        const outcomes = [...(applied ?? [])];
        return items.map(({ event }) => (event.id === refused ? { refused: 'employer is suspended' } : outcomes.shift()!));
      });
      await publisher.publish(ingestVacanciesTopic, input);

      await waitFor(async () => (await model.countDocuments()) === 29, { what: 'the 29 accepted events stored' });
      const dlq = await readTopic(kafka, `${physical()}.dlq`);
      const [dead] = await dlq.waitForCount(1);
      await dlq.stop();
      expect(JSON.parse(dead!.value!).id).toBe(refused);
      expect(dead!.headers).toMatchObject({ 'ketnoi-dlq-code': 'HANDLER_REFUSED', 'ketnoi-dlq-reason': 'employer is suspended' });
      expect(await model.findById(refused).lean()).toBeNull();
      expect(handled).toBe(30); // refused, not failed: no batch was split or retried
    });

    it('retries a batch that failed for a retriable reason without losing or doubling an effect', async () => {
      let failuresLeft = 8; // more than the in-place attempts: the batch is handed back to Kafka once
      await startBatchConsumer(async (items, context) => {
        if (failuresLeft-- > 0) throw unavailable('database down for a while');
        return storeVacancies(items, context);
      });
      await publisher.publish(ingestVacanciesTopic, submissions(60, 'flaky'));

      await waitFor(async () => (await model.countDocuments()) === 60, { what: 'all 60 stored', timeoutMs: 45_000 });
      expect(failuresLeft).toBeLessThan(0);
    });
  });
});
