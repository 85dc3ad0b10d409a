import { describe, expect, it } from 'vitest';
import { afterAnnouncing, diffTopK } from '../../src/domain/diff-top-k.js';

const thresholds = { updateScoreDelta: 0.01, updateRankDelta: 2 };
const list = (...entries: [string, number][]) => entries.map(([id, score]) => ({ id, score }));
const announced = (...entries: [string, number][]) => entries.map(([id, score], i) => ({ id, score, rank: i + 1 }));

describe('diffTopK', () => {
  it('proposes newcomers, withdraws leavers with the reason given, and leaves small moves unannounced', () => {
    const before = announced(['a', 0.9], ['b', 0.8], ['c', 0.7]);
    const after = list(['d', 0.95], ['a', 0.9], ['b', 0.805]);
    expect(diffTopK(before, after, thresholds, (id) => (id === 'c' ? 'outranked' : 'placed'))).toEqual([
      { kind: 'proposed', workerId: 'd', score: 0.95, rank: 1 },
      { kind: 'withdrawn', workerId: 'c', reason: 'outranked' },
    ]);
  });

  it('updates a stayer whose score or rank moved beyond the thresholds', () => {
    const before = announced(['a', 0.9], ['b', 0.8], ['c', 0.7]);
    const after = list(['c', 0.95], ['a', 0.9], ['b', 0.8]);
    expect(diffTopK(before, after, thresholds, () => 'outranked')).toEqual([{ kind: 'updated', workerId: 'c', score: 0.95, rank: 1 }]);
  });

  it('compares with what was last published, so small moves add up to an update', () => {
    let known = announced(['a', 0.9]);
    const sent: string[] = [];
    for (const score of [0.904, 0.908, 0.912]) {
      const after = list(['a', score]);
      const deltas = diffTopK(known, after, thresholds, () => 'outranked');
      sent.push(...deltas.map((d) => `${d.kind}:${d.kind === 'withdrawn' ? '' : d.score}`));
      known = afterAnnouncing(known, after, deltas);
    }
    expect(sent).toEqual(['updated:0.912']);
    expect(known).toEqual([{ id: 'a', score: 0.912, rank: 1 }]);
  });

  it('announces nothing for an unchanged list', () => {
    expect(diffTopK(announced(['a', 0.9]), list(['a', 0.9]), thresholds, () => 'outranked')).toEqual([]);
  });
});
