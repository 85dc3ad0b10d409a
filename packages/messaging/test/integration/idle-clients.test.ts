import { setTimeout as sleep } from 'node:timers/promises';
import { ingestVacanciesTopic } from '@ketnoi/contracts';
import { testLogger, uniqueName, waitFor } from '@ketnoi/testing';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { EventConsumer, EventPublisher, createKafka, ensureTopics, withSuffix } from '../../src/index.js';
import { aVacancySubmission } from '../unit/mothers.js';

/**
 * Counts the timers kafkajs's request queues (one per broker connection) arm from now on.
 * Unpatched kafkajs 2.2.4 re-arms a 1 ms one per connection forever once it has had an
 * answer (kafkajs #1556, #1704); see patches/kafkajs@2.2.4.patch.
 */
const countRequestQueueTimers = () => {
  const original = globalThis.setTimeout;
  let armed = 0;
  const spy = vi.spyOn(globalThis, 'setTimeout').mockImplementation(((...args: Parameters<typeof setTimeout>) => {
    if (new Error().stack?.includes('requestQueue')) armed += 1;
    return original(...args);
  }) as typeof setTimeout);
  return {
    armed: () => armed,
    restore: () => spy.mockRestore(),
  };
};

describe('idle kafkajs clients, against the real broker', () => {
  const logger = testLogger();
  const kafka = createKafka({ brokers: inject('infra').kafkaBrokers, clientId: uniqueName('idle'), logger });
  const topicName = withSuffix(uniqueName('idle'));
  let publisher: EventPublisher;
  let consumer: EventConsumer;

  beforeAll(async () => {
    await ensureTopics(kafka, [ingestVacanciesTopic], { topicName });
    publisher = new EventPublisher({ kafka, source: '/test', logger, topicName });
    await publisher.connect();
    const handled: string[] = [];
    consumer = new EventConsumer({ kafka, groupId: uniqueName('idle-group'), logger, topicName, fromBeginning: true, maxWaitTimeInMs: 250 }).subscribe(
      ingestVacanciesTopic,
      async (event) => void handled.push(event.id),
    );
    await consumer.start();
    await publisher.publish(ingestVacanciesTopic, [{ type: 'vacancy.submitted' as const, subject: 'idle-1', data: aVacancySubmission() }]);
    await waitFor(() => handled.length === 1, { timeoutMs: 30_000, what: 'the event handled' });
  });

  afterAll(async () => {
    await consumer?.stop();
    await publisher?.disconnect();
  });

  it('arm no request-queue timer while nothing is waiting to be sent', async () => {
    const timers = countRequestQueueTimers();
    await sleep(2_000); // node:timers/promises does not go through the spied global
    timers.restore();
    // Unpatched: hundreds (a 1 ms timer per connection, re-armed forever). Patched: none,
    // as a fetch, heartbeat or commit is sent at once when nothing is queued before it.
    expect(timers.armed()).toBeLessThanOrEqual(2);
  });
});
