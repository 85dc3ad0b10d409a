import { createRequire } from 'node:module';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * kafkajs 2.2.4's per-connection request queue, as patched in patches/kafkajs@2.2.4.patch.
 * Unpatched, it re-arms a 1 ms timer forever once a connection has had an answer
 * (kafkajs #1556, #1704): ~900 wake-ups a second in an idle service.
 */
interface Entry {
  correlationId: number;
  apiName: string;
  apiKey: number;
  apiVersion: number;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}
interface RequestQueue {
  push(request: { entry: Entry; expectResponse: boolean; sendRequest: () => void }): void;
  fulfillRequest(response: { correlationId: number; payload: Buffer; size: number }): void;
  maybeThrottle(ms: number): void;
  scheduleRequestTimeoutCheck(): void;
  destroy(): void;
}
type RequestQueueClass = new (options: {
  maxInFlightRequests: number | null;
  requestTimeout: number;
  enforceRequestTimeout: boolean;
  clientId: string;
  broker: string;
  logger: { debug: () => void; warn: () => void };
}) => RequestQueue;

const RequestQueue = createRequire(import.meta.url)('kafkajs/src/network/requestQueue/index.js') as RequestQueueClass;

const queue = (options: { maxInFlightRequests?: number; enforceRequestTimeout?: boolean } = {}) =>
  new RequestQueue({
    maxInFlightRequests: options.maxInFlightRequests ?? null,
    requestTimeout: 100,
    enforceRequestTimeout: options.enforceRequestTimeout ?? false,
    clientId: 'test',
    broker: '127.0.0.1:9092',
    logger: { debug: () => undefined, warn: () => undefined },
  });

/** Pushes a request; `sent` and `outcome` say what became of it. */
const request = (into: RequestQueue, correlationId: number) => {
  const state = { sent: false, outcome: 'waiting' as 'waiting' | 'answered' | Error };
  into.push({
    entry: {
      correlationId,
      apiName: 'Metadata',
      apiKey: 3,
      apiVersion: 6,
      resolve: () => (state.outcome = 'answered'),
      reject: (error) => (state.outcome = error),
    },
    expectResponse: true,
    sendRequest: () => (state.sent = true),
  });
  return state;
};

const answer = (to: RequestQueue, correlationId: number) => to.fulfillRequest({ correlationId, payload: Buffer.alloc(0), size: 0 });

/** What an idle connection should look like: after any leftover check has run, no timer at all. */
const expectNoTimerOnceIdle = () => {
  vi.advanceTimersByTime(1_000);
  expect(vi.getTimerCount()).toBe(0);
};

describe('the kafkajs request queue (patched)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('arms no timer once its requests are answered', () => {
    const q = queue();
    const first = request(q, 1);
    expect(first.sent).toBe(true);
    answer(q, 1);
    expect(first.outcome).toBe('answered');
    expectNoTimerOnceIdle();
  });

  it('holds a request while throttled and sends it when the throttle ends', () => {
    const q = queue();
    q.maybeThrottle(500);
    const held = request(q, 1);
    vi.advanceTimersByTime(499);
    expect(held.sent).toBe(false);
    vi.advanceTimersByTime(1);
    expect(held.sent).toBe(true);
    answer(q, 1);
    expectNoTimerOnceIdle();
  });

  it('sends a request held back by maxInFlightRequests when the one in flight is answered', () => {
    const q = queue({ maxInFlightRequests: 1 });
    const first = request(q, 1);
    const second = request(q, 2);
    expect([first.sent, second.sent]).toEqual([true, false]);
    answer(q, 1);
    expect(second.sent).toBe(true);
    answer(q, 2);
    expect(second.outcome).toBe('answered');
    expectNoTimerOnceIdle();
  });

  it('still times out a request that gets no answer, and sends the next one', () => {
    const q = queue({ maxInFlightRequests: 1, enforceRequestTimeout: true });
    q.scheduleRequestTimeoutCheck();
    const lost = request(q, 1);
    const next = request(q, 2);
    vi.advanceTimersByTime(250);
    expect(lost.outcome).toBeInstanceOf(Error);
    expect((lost.outcome as Error).name).toBe('KafkaJSRequestTimeoutError');
    expect(next.sent).toBe(true);
    answer(q, 2);
    q.destroy();
    expectNoTimerOnceIdle();
  });
});
