import { ingestVacanciesTopic, type TopicEvent } from '@ketnoi/contracts';
import { unavailable } from '@ketnoi/errors';
import { readTopic, testDatabase, testKafka, testLogger, uniqueName, waitFor } from '@ketnoi/testing';
import type { Kafka } from 'kafkajs';
import { Schema, type Connection, type Model } from 'mongoose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EventConsumer, EventPublisher, ensureTopics, withSuffix, type EventHandler } from '../../src/index.js';
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

  const startConsumer = async (handler: EventHandler<typeof ingestVacanciesTopic>) => {
    const consumer = new EventConsumer({
      kafka,
      groupId: uniqueName('group'),
      logger,
      topicName: withSuffix(suffix),
      retry: { attempts: 5, initialMs: 20, maxMs: 100 },
      maxWaitTimeInMs: 250,
    }).subscribe(ingestVacanciesTopic, handler);
    consumers.push(consumer);
    await consumer.start();
    return consumer;
  };

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
});
