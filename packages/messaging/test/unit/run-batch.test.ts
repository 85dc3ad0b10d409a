import { ingestVacanciesTopic, type TopicDefinition } from '@ketnoi/contracts';
import { unavailable, validationError } from '@ketnoi/errors';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { BatchContext, BatchEventHandler, BatchItem, HandlerContext } from '../../src/index.js';
import { runBatch } from '../../src/run-batch.js';
import { eachAsBatch } from '../../src/subscription.js';
import { aVacancySubmission } from './mothers.js';

const retry = { attempts: 3, initialMs: 1, maxMs: 2 };

const anItem = (n: number): BatchItem<TopicDefinition> => ({
  event: {
    specversion: '1.0',
    id: `evt-${n}`,
    source: '/test',
    type: 'vacancy.submitted',
    time: '2026-11-26T10:00:00Z',
    subject: `ext-${n}`,
    data: aVacancySubmission({ externalRef: `ext-${n}` }),
  } as BatchItem<TopicDefinition>['event'],
  offset: String(n),
  headers: {},
});

const items = (count: number) => Array.from({ length: count }, (_, n) => anItem(n));

const aContext = () => {
  const beats = { count: 0 };
  const context: BatchContext = {
    topic: ingestVacanciesTopic.name,
    partition: 0,
    attempt: 1,
    log: pino({ level: 'silent' }),
    heartbeat: async () => void (beats.count += 1),
  };
  return { context, beats };
};

describe('runBatch', () => {
  it('reports every item applied, and duplicates as the handler says', async () => {
    const { context } = aContext();
    const outcomes = await runBatch(async () => ['ok', 'duplicate'], items(2), context, retry);
    expect(outcomes).toEqual([{ result: 'ok' }, { result: 'duplicate' }]);
  });

  it('retries a retriable failure with a heartbeat between tries, then reports the items as retried', async () => {
    const { context, beats } = aContext();
    const attempts: number[] = [];
    const handler: BatchEventHandler<TopicDefinition> = async (_, { attempt }) => {
      attempts.push(attempt);
      if (attempt < 3) throw unavailable('mongo away');
    };
    const outcomes = await runBatch(handler, items(2), context, retry);
    expect(attempts).toEqual([1, 2, 3]);
    expect(beats.count).toBe(2);
    expect(outcomes).toEqual([{ result: 'retried' }, { result: 'retried' }]);
  });

  it('hands the batch back (throws) once the in-place attempts are spent', async () => {
    const { context } = aContext();
    let calls = 0;
    const failing = async () => {
      calls += 1;
      throw unavailable('mongo down');
    };
    await expect(runBatch(failing, items(3), context, retry)).rejects.toThrow('mongo down');
    expect(calls).toBe(3);
  });

  it('splits a batch that failed for good, so only the event at fault is dead-lettered', async () => {
    const { context } = aContext();
    const sizes: number[] = [];
    const handler: BatchEventHandler<TopicDefinition> = async (batch) => {
      sizes.push(batch.length);
      if (batch.some(({ event }) => event.id === 'evt-1')) throw validationError('breaks a rule');
    };
    const outcomes = await runBatch(handler, items(3), context, retry);
    expect(sizes).toEqual([3, 1, 1, 1]);
    expect(outcomes[0]).toEqual({ result: 'ok' });
    expect(outcomes[1]).toMatchObject({ result: 'dead-lettered', deadLetter: { code: 'HANDLER_FAILED' } });
    expect(outcomes[1]?.deadLetter?.reason).toMatch(/VALIDATION_FAILED: breaks a rule/);
    expect(outcomes[2]).toEqual({ result: 'ok' });
  });

  it('dead-letters a refused event with its reason, without a retry or a split', async () => {
    const { context } = aContext();
    let calls = 0;
    const handler: BatchEventHandler<TopicDefinition> = async (batch) => {
      calls += 1;
      return batch.map(({ event }) => (event.id === 'evt-2' ? { refused: 'employer is suspended' } : 'ok'));
    };
    const outcomes = await runBatch(handler, items(3), context, retry);
    expect(calls).toBe(1);
    expect(outcomes).toEqual([
      { result: 'ok' },
      { result: 'ok' },
      { result: 'dead-lettered', deadLetter: { code: 'HANDLER_REFUSED', reason: 'employer is suspended' } },
    ]);
  });

  it('treats a wrong number of outcomes as the handler failing, and narrows it down', async () => {
    const { context } = aContext();
    const outcomes = await runBatch(async () => ['ok'], items(2), context, retry);
    expect(outcomes).toEqual([{ result: 'ok' }, { result: 'ok' }]);
    const alwaysWrong = await runBatch(async () => [], items(1), context, retry);
    expect(alwaysWrong[0]).toMatchObject({ result: 'dead-lettered', deadLetter: { code: 'HANDLER_FAILED' } });
  });
});

describe('a single-event handler as a batch of one', () => {
  it('gets its event with the per-event context, and its duplicate is reported', async () => {
    const { context } = aContext();
    const seen: HandlerContext[] = [];
    const handler = eachAsBatch(async (_event, handlerContext) => {
      seen.push(handlerContext);
      return seen.length === 1 ? undefined : 'duplicate';
    });
    expect(await handler([anItem(7)], context)).toEqual(['ok']);
    expect(await handler([anItem(8)], { ...context, attempt: 2 })).toEqual(['duplicate']);
    expect(seen[0]).toMatchObject({ topic: ingestVacanciesTopic.name, partition: 0, offset: '7', attempt: 1 });
    expect(seen[1]).toMatchObject({ offset: '8', attempt: 2 });
  });

  it('fails for good when given more than one event', async () => {
    const { context } = aContext();
    await expect(eachAsBatch(async () => undefined)(items(2), context)).rejects.toThrow(/single-event handler got 2/);
  });
});
