import { describe, expect, it } from 'vitest';
import { SettledOutcomes } from '../../src/consumers/settled-outcomes.js';

const refusal = { error: new Error('profile not valid') };

describe('SettledOutcomes', () => {
  it("answers each event of a settled batch once, by partition, offset and event id", () => {
    const settled = new SettledOutcomes();
    settled.remember(0, [
      { offset: '7', eventId: 'e7', settled: 'ok' },
      { offset: '8', eventId: 'e8', settled: refusal },
    ]);
    expect(settled.take(1, '7', 'e7')).toBeUndefined();
    expect(settled.take(0, '7', 'other')).toBeUndefined();
    expect(settled.take(0, '7', 'e7')).toBe('ok');
    expect(settled.take(0, '7', 'e7')).toBeUndefined();
    expect(settled.take(0, '8', 'e8')).toBe(refusal);
  });

  it("drops a partition's outcomes when its next batch starts", () => {
    const settled = new SettledOutcomes();
    settled.remember(2, [{ offset: '1', eventId: 'e1', settled: 'duplicate' }]);
    settled.remember(3, [{ offset: '1', eventId: 'e1', settled: 'ok' }]);
    settled.forget(2);
    expect(settled.take(2, '1', 'e1')).toBeUndefined();
    expect(settled.take(3, '1', 'e1')).toBe('ok');
  });

  it('keeps no more than its limit', () => {
    const settled = new SettledOutcomes(2);
    settled.remember(0, ['1', '2', '3'].map((offset) => ({ offset, eventId: `e${offset}`, settled: 'ok' as const })));
    expect(settled.take(0, '2', 'e2')).toBe('ok');
    expect(settled.take(0, '3', 'e3')).toBeUndefined();
  });
});
