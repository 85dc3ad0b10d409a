import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BoundHeap } from '../../src/index/bound-heap.js';

describe('bound heap (bounds refined when they come to the top)', () => {
  it('visits the items in the order of their refined bounds, and never refines one below the cut', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })), { maxLength: 60 }), fc.double({ min: 0, max: 1, noNaN: true }), (pairs, cut) => {
        const heap = new BoundHeap<number>();
        // Each item: a cheap bound and a refined one never above it.
        const refinedOf = pairs.map(([a, b]) => Math.min(a, b));
        pairs.forEach(([a, b], i) => heap.push(i, Math.max(a, b), 0));
        heap.heapify();
        const visited: number[] = [];
        const refined = new Set<number>();
        for (let top = heap.top(); top && !(top.key < cut); top = heap.top()) {
          if (!top.refined) {
            expect(top.key).toBeGreaterThanOrEqual(cut);
            refined.add(top.item);
            heap.refineTop(refinedOf[top.item]!);
          } else {
            visited.push(top.item);
            heap.pop();
          }
        }
        const expected = refinedOf.map((bound, i) => ({ bound, i })).filter(({ bound }) => !(bound < cut));
        expect(visited.map((i) => refinedOf[i])).toEqual(expected.map(({ bound }) => bound).sort((a, b) => b - a));
        expect(new Set(visited)).toEqual(new Set(expected.map(({ i }) => i)));
        for (const i of refined) expect(Math.max(...pairs[i]!)).toBeGreaterThanOrEqual(cut);
      }),
      { numRuns: 500 },
    );
  });
});
