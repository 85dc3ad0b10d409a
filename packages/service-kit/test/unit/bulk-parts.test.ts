import { describe, expect, it } from 'vitest';
import type { PendingEvent } from '../../src/outbox/outbox-fields.js';
import { byEventText } from '../../src/versioned/versioned-store.js';

const event = (chars: number): PendingEvent => ({ id: 'e', topic: 't', type: 'x', subject: 's', time: '', data: 'x'.repeat(chars) });
const input = (id: string, ...events: PendingEvent[]) => ({ id, events });
const textOf = (events: readonly PendingEvent[]) => (events.length === 0 ? 0 : JSON.stringify(events).length);

describe('bulk creation parts (one batch entry each)', () => {
  it('keeps a bulk creation whole while its events fit one entry', () => {
    const inputs = [input('a', event(10)), input('b'), input('c', event(10), event(10))];
    expect(byEventText(inputs, 1_000)).toEqual([inputs]);
  });

  it('cuts where the next input would pass the limit, in order, each part within it', () => {
    const inputs = Array.from({ length: 9 }, (_, i) => input(`w${i}`, event(100 + i)));
    const limit = 3 * textOf(inputs[8]!.events);
    const parts = byEventText(inputs, limit);
    expect(parts.flat()).toEqual(inputs);
    expect(parts.length).toBe(3);
    for (const part of parts) expect(part.reduce((sum, { events }) => sum + textOf(events), 0)).toBeLessThanOrEqual(limit);
  });

  it('gives an input larger than the limit a part of its own', () => {
    const inputs = [input('small', event(10)), input('huge', event(5_000)), input('after', event(10))];
    expect(byEventText(inputs, 1_000).map((part) => part.map(({ id }) => id))).toEqual([['small'], ['huge'], ['after']]);
  });
});
