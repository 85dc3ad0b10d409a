import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WORKER_FLAGS } from '../../src/domain/model.js';
import { PlaceSummary } from '../../src/index/place-summary.js';
import { WorkerColumns } from '../../src/index/worker-columns.js';
import { WorkerGroup } from '../../src/index/worker-group.js';

const SLOTS = 24;
/** One op: add or remove a slot, with the 64-bit skill mask (two words) it has while in the group. */
const op = fc.record({ add: fc.boolean(), slot: fc.nat(SLOTS - 1), lo: fc.integer({ min: 0, max: 0xffffffff }), hi: fc.integer({ min: 0, max: 0xffffffff }), sparse: fc.boolean() });

describe('blocks of a worker group (skill masks)', () => {
  it('keep every member once, and each block mask (and quarter-block mask) covers the masks of its members, after any adds and removals', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 120 }), fc.constantFrom(1, 2, 3, 4, 8), fc.constantFrom(2, 4, 8), (ops, size, from) => {
        const c = new WorkerColumns();
        c.ensure(SLOTS);
        const group = new WorkerGroup(0, 0, new PlaceSummary(0), { size, from });
        const members = new Set<number>();
        for (const { add, slot, lo, hi, sparse } of ops) {
          if (add && !members.has(slot)) {
            // Sparse masks (one or two bits) make equal and disjoint masks common, as in real groups.
            c.skillMask[slot * 2] = sparse ? 1 << (lo & 31) : lo;
            c.skillMask[slot * 2 + 1] = sparse ? 0 : hi;
            c.flags[slot] = WORKER_FLAGS.looking | WORKER_FLAGS.consent;
            group.add(slot, c);
            members.add(slot);
          } else if (!add && members.has(slot)) {
            group.remove(slot, c);
            members.delete(slot);
          }
          const slots = Array.from(group.slots.data.subarray(0, group.slots.length));
          expect(new Set(slots)).toEqual(members);
          expect(slots.length).toBe(members.size);
          expect(group.sorted).toBeLessThanOrEqual(slots.length);
          for (let i = 0; i < group.sorted; i += 1) {
            const b = Math.floor(i / size) * 2;
            const s = slots[i]!;
            expect((c.skillMask[s * 2]! & ~group.blockMasks[b]!) >>> 0).toBe(0);
            expect((c.skillMask[s * 2 + 1]! & ~group.blockMasks[b + 1]!) >>> 0).toBe(0);
            const q = Math.floor(i / group.subSize) * 2;
            expect((c.skillMask[s * 2]! & ~group.subMasks[q]!) >>> 0).toBe(0);
            expect((c.skillMask[s * 2 + 1]! & ~group.subMasks[q + 1]!) >>> 0).toBe(0);
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
