import { matchesTopic } from '@ketnoi/contracts';
import { testKafka, testLogger, uniqueName, waitFor } from '@ketnoi/testing';
import type { Kafka } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventConsumer, EventPublisher, TYPE_HEADER, ensureTopics, withSuffix, type HandledOutcome } from '../../src/index.js';

const at = '2026-11-20T08:00:00.000Z';
const withdrawn = (workerId: string) => ({
  type: 'match.withdrawn' as const,
  subject: 'vac_000001',
  data: { matchId: `vac_000001:${workerId}`, vacancyId: 'vac_000001', workerId, reason: 'outranked' as const, at },
});
const proposed = (workerId: string) => ({
  type: 'match.proposed' as const,
  subject: 'vac_000001',
  data: { matchId: `vac_000001:${workerId}`, vacancyId: 'vac_000001', workerId, score: 0.8, rank: 1, scoringVersion: 'v1', factors: [], boost: { groups: [], amount: 0 }, at },
});

describe('a subscription to some event types only, against the real broker', () => {
  let kafka: Kafka;
  let consumer: EventConsumer;
  const seen: { type: string; outcome: HandledOutcome }[] = [];
  const handled: string[] = [];

  beforeAll(async () => {
    kafka = testKafka();
    const suffix = uniqueName('types');
    const topicName = withSuffix(suffix);
    await ensureTopics(kafka, [matchesTopic], { withDeadLetters: true, topicName });
    const publisher = new EventPublisher({ kafka, source: '/test', logger: testLogger(), topicName });
    await publisher.connect();
    // Through the publisher (type header set): one wanted, one not.
    const [unwantedEvent] = await publisher.publish(matchesTopic, [proposed('wrk_00000a')]);
    await publisher.publish(matchesTopic, [withdrawn('wrk_00000b')]);
    await publisher.disconnect();
    const raw = kafka.producer();
    await raw.connect();
    await raw.send({
      topic: topicName(matchesTopic.name),
      messages: [
        // Named unwanted by its header: passed over unread, so its broken body is not ours to dead-letter.
        { key: 'vac_000001', value: 'not json', headers: { [TYPE_HEADER]: 'match.proposed' } },
        // No header (an older producer): read, then passed over for its type.
        { key: 'vac_000001', value: JSON.stringify({ ...unwantedEvent, id: 'no-header' }) },
        // No header and unreadable: dead-lettered as before.
        { key: 'vac_000001', value: 'not json either' },
        { key: 'vac_000001', value: JSON.stringify({ ...unwantedEvent, id: 'wanted-no-header', type: 'match.withdrawn', data: withdrawn('wrk_00000c').data }) },
      ],
    });
    await raw.disconnect();
    consumer = new EventConsumer({
      kafka,
      groupId: uniqueName('types-group'),
      logger: testLogger(),
      topicName,
      maxWaitTimeInMs: 250,
      observer: { handled: ({ type, outcome }) => seen.push({ type, outcome }), published: () => undefined, lag: () => undefined },
    }).subscribeBatch(
      matchesTopic,
      async (items) => {
        for (const { event } of items) handled.push(`${event.type}:${event.data.workerId}`);
      },
      { types: ['match.withdrawn'] },
    );
    await consumer.start();
  });

  afterAll(async () => {
    await consumer?.stop();
  });

  it('hands the handler only the wanted types, and passes the others over without dead-lettering them', async () => {
    await waitFor(() => seen.length >= 6, { timeoutMs: 30_000 });
    expect(handled).toEqual(['match.withdrawn:wrk_00000b', 'match.withdrawn:wrk_00000c']);
    // Batching decides the order in which outcomes are reported, not which.
    const byOutcome = (list: typeof seen) => list.map(({ type, outcome }) => `${outcome} ${type}`).sort();
    expect(byOutcome(seen)).toEqual(['dead-lettered unknown', 'ignored match.proposed', 'ignored match.proposed', 'ignored match.proposed', 'ok match.withdrawn', 'ok match.withdrawn']);
  });

  it('refuses a type the topic does not carry', () => {
    expect(() => new EventConsumer({ kafka, groupId: 'never-started', logger: testLogger() }).subscribe(matchesTopic, async () => {}, { types: ['worker.erased'] })).toThrow(
      /carries no event of type worker\.erased/,
    );
  });
});
