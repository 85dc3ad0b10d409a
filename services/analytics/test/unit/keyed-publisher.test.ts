import { kpiTopic } from '@ketnoi/contracts';
import { pino } from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KeyedPublisher } from '../../src/use-cases/keyed-publisher.js';

type Value = { key: string; value: number; computedAt: string };

function setUp(values: () => Value[]) {
  const sent: { subject: string; data: Value }[][] = [];
  const publisher = {
    publish: vi.fn(async (_topic: unknown, inputs: readonly unknown[]) => {
      sent.push(inputs as { subject: string; data: Value }[]);
      return [];
    }),
  };
  const keyed = new KeyedPublisher<Value>({ name: 'kpis', topic: kpiTopic, type: 'kpi.computed', compute: values, publisher: publisher as never, debounceMs: 50, log: pino({ level: 'silent' }) });
  return { keyed, sent };
}

describe('KeyedPublisher', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('publishes every value first, then only those whose numbers changed (not their time of computation)', async () => {
    let values: Value[] = [
      { key: 'a', value: 1, computedAt: 't1' },
      { key: 'b', value: 2, computedAt: 't1' },
    ];
    const { keyed, sent } = setUp(() => values);
    expect(await keyed.flush()).toBe(2);
    values = [
      { key: 'a', value: 1, computedAt: 't2' },
      { key: 'b', value: 3, computedAt: 't2' },
    ];
    expect(await keyed.flush()).toBe(1);
    expect(sent[1]?.map((e) => [e.subject, e.data.value])).toEqual([['b', 3]]);
    expect(await keyed.flush()).toBe(0);
  });

  it('publishes once for a burst of changes, and nothing after close', async () => {
    vi.useFakeTimers();
    const { keyed, sent } = setUp(() => [{ key: 'a', value: 1, computedAt: 't' }]);
    keyed.schedule();
    keyed.schedule();
    await vi.advanceTimersByTimeAsync(60);
    expect(sent).toHaveLength(1);
    await keyed.close();
    keyed.schedule();
    await vi.advanceTimersByTimeAsync(60);
    expect(sent).toHaveLength(1);
  });
});
