import type { TopicDefinition } from '@ketnoi/contracts';
import { isRetriable } from '@ketnoi/errors';
import { backoffMs, sleep, type RetryPolicy } from './backoff.js';
import type { HandledOutcome } from './event-observer.js';
import type { BatchContext, BatchEventHandler, BatchItem, BatchItemOutcome } from './handlers.js';

export interface ItemOutcome {
  result: HandledOutcome;
  deadLetter?: { code: string; reason: string };
}

type Items = readonly BatchItem<TopicDefinition>[];

const toOutcome = (outcome: BatchItemOutcome | undefined, attempt: number): ItemOutcome => {
  if (outcome === 'duplicate') return { result: 'duplicate' };
  if (typeof outcome === 'object') return { result: 'dead-lettered', deadLetter: { code: 'HANDLER_REFUSED', reason: outcome.refused } };
  return { result: attempt > 1 ? 'retried' : 'ok' };
};

/** What the logs say about the events at hand: the event itself when there is one. */
const logFields = (items: Items) =>
  items.length === 1 ? { offset: items[0]?.offset, eventId: items[0]?.event.id } : { events: items.length };

/**
 * Runs a handler over items of one partition and returns one outcome per item.
 * Retriable failures are retried in place with backoff, then thrown (the
 * messages go back to Kafka). A failure that is not retriable is narrowed down
 * by handing the items over one by one, so only the item at fault is
 * dead-lettered.
 */
export async function runBatch(
  handler: BatchEventHandler<TopicDefinition>,
  items: Items,
  context: BatchContext,
  retry: RetryPolicy,
): Promise<ItemOutcome[]> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const outcomes = await handler(items, { ...context, attempt });
      if (outcomes && outcomes.length !== items.length) {
        throw new Error(`batch handler returned ${outcomes.length} outcomes for ${items.length} events`);
      }
      return items.map((_, index) => toOutcome(outcomes?.[index], attempt));
    } catch (error) {
      const err = error as Error & { code?: string };
      if (!isRetriable(error)) {
        if (items.length === 1) {
          context.log.error({ err, ...logFields(items) }, 'event handler failed; dead-lettering');
          return [{ result: 'dead-lettered', deadLetter: { code: 'HANDLER_FAILED', reason: `${err.code ?? err.name}: ${err.message}` } }];
        }
        context.log.warn({ err, ...logFields(items) }, 'batch failed; handling its events one by one');
        return oneByOne(handler, items, context, retry);
      }
      if (attempt >= retry.attempts) {
        context.log.warn({ err, attempt, ...logFields(items) }, 'handler still failing; handing the messages back to Kafka');
        throw error;
      }
      const wait = backoffMs(attempt, retry);
      context.log.warn({ err, attempt, waitMs: wait, ...logFields(items) }, 'handler failed; retrying');
      await sleep(wait);
      await context.heartbeat();
    }
  }
}

async function oneByOne(
  handler: BatchEventHandler<TopicDefinition>,
  items: Items,
  context: BatchContext,
  retry: RetryPolicy,
): Promise<ItemOutcome[]> {
  const outcomes: ItemOutcome[] = [];
  for (const item of items) {
    outcomes.push(...(await runBatch(handler, [item], context, retry)));
    await context.heartbeat();
  }
  return outcomes;
}
