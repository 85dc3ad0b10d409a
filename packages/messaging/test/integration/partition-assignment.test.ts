import { setTimeout as sleep } from 'node:timers/promises';
import { ingestVacanciesTopic } from '@ketnoi/contracts';
import { testKafka, testLogger, uniqueName, waitFor } from '@ketnoi/testing';
import type { Kafka } from 'kafkajs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EventConsumer, EventPublisher, ensureTopics, withSuffix, type TopicAssignment } from '../../src/index.js';
import { aVacancySubmission } from '../unit/mothers.js';

const ALL = [0, 1, 2]; // ingest.vacancies.v1 has 3 partitions

/** A group member that records what onAssigned told it and which partitions its handler was given. */
interface Member {
  consumer: EventConsumer;
  told: TopicAssignment[][];
  /** Event id → partition, for every event handled. */
  handled: Map<string, number>;
  /** Whether the latest onAssigned had finished when each event was handled. */
  handledAfterAssigned: boolean[];
}

const latest = (member: Member) => member.told.at(-1)?.[0]?.partitions ?? [];

describe('onAssigned against the real broker', () => {
  let kafka: Kafka;
  let suffix: string;
  let groupId: string;
  let publisher: EventPublisher;
  const members: Member[] = [];
  const logger = testLogger();

  const startMember = async (): Promise<Member> => {
    let assignedSettled = false;
    const member: Member = { consumer: undefined as unknown as EventConsumer, told: [], handled: new Map(), handledAfterAssigned: [] };
    member.consumer = new EventConsumer({
      kafka,
      groupId,
      logger,
      topicName: withSuffix(suffix),
      maxWaitTimeInMs: 250,
      onAssigned: async (assignment) => {
        assignedSettled = false;
        member.told.push(assignment);
        await sleep(300); // a slow listener: no batch may reach the handler before it is done
        assignedSettled = true;
      },
    }).subscribe(ingestVacanciesTopic, async (event, { partition }) => {
      member.handled.set(event.id, partition);
      member.handledAfterAssigned.push(assignedSettled);
    });
    members.push(member);
    await member.consumer.start();
    return member;
  };

  const publish = async (prefix: string, count = 30) => {
    const events = await publisher.publish(
      ingestVacanciesTopic,
      Array.from({ length: count }, (_, i) => ({
        type: 'vacancy.submitted' as const,
        subject: `${prefix}-${i}`,
        data: aVacancySubmission({ externalRef: `${prefix}-${i}` }),
      })),
    );
    return events.map((event) => event.id);
  };

  const handledIds = () => new Set(members.flatMap((m) => [...m.handled.keys()]));

  beforeEach(async () => {
    kafka = testKafka();
    suffix = uniqueName('assign');
    groupId = uniqueName('group');
    await ensureTopics(kafka, [ingestVacanciesTopic], { withDeadLetters: true, topicName: withSuffix(suffix) });
    publisher = new EventPublisher({ kafka, source: '/ketnoi/test', logger, topicName: withSuffix(suffix) });
    await publisher.connect();
  });

  afterEach(async () => {
    await Promise.all(members.splice(0).map((m) => m.consumer.stop()));
    await publisher.disconnect();
  });

  it('tells each of two members its partitions, and the one that stays all of them when the other leaves', async () => {
    const first = await startMember();
    await waitFor(() => latest(first).length === ALL.length, { what: 'the first member told every partition' });
    expect(first.told[0]).toEqual([{ topic: withSuffix(suffix)(ingestVacanciesTopic.name), partitions: ALL }]);

    const second = await startMember();
    const split = await waitFor(
      () => {
        const [a, b] = [latest(first), latest(second)];
        const disjoint = a.every((p) => !b.includes(p));
        return a.length > 0 && b.length > 0 && disjoint && [...a, ...b].sort((x, y) => x - y).join() === ALL.join() && { a, b };
      },
      { what: 'the partitions split between the two members', timeoutMs: 30_000 },
    );

    const before = await publish('split');
    await waitFor(() => before.every((id) => handledIds().has(id)), { what: 'every event handled by one of the two' });
    const partitionsOf = (member: Member) => new Set(before.filter((id) => member.handled.has(id)).map((id) => member.handled.get(id)!));
    expect([...partitionsOf(first)].every((p) => split.a.includes(p))).toBe(true);
    expect([...partitionsOf(second)].every((p) => split.b.includes(p))).toBe(true);
    expect(partitionsOf(first).size + partitionsOf(second).size).toBe(ALL.length); // 30 keys reach every partition

    await second.consumer.stop();
    members.splice(members.indexOf(second), 1);
    await waitFor(() => latest(first).length === ALL.length, { what: 'the staying member told every partition', timeoutMs: 30_000 });

    const after = await publish('alone');
    await waitFor(() => after.every((id) => first.handled.has(id)), { what: 'the staying member handles every partition' });
    expect(new Set(after.map((id) => first.handled.get(id)))).toEqual(new Set(ALL));
    expect([...first.handledAfterAssigned, ...second.handledAfterAssigned].every(Boolean)).toBe(true);
  });
});
