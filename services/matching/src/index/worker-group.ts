import { IntList } from './int-list.js';
import { PlaceSummary } from './place-summary.js';
import type { WorkerColumns } from './worker-columns.js';
import { isAvailable, WorkerBlock } from './worker-extremes.js';

/** How big groups are cut into blocks of members with similar skills (see WorkerGroup). */
export interface BlockLayout {
  /** Members per block. */
  size: number;
  /** Groups with fewer members are not cut into blocks. */
  from: number;
}

export const DEFAULT_BLOCKS: BlockLayout = { size: 16, from: 128 };

/**
 * The workers of one occupation living in one place, with the best each
 * cheap factor can be for any available one of them (the block maxima a
 * query bounds the whole group with). A removal leaves the extremes as they
 * were (still a valid bound) until half the group has changed; then they
 * are recomputed from the members.
 *
 * A big group also keeps its members ordered by skill mask (the bits its
 * members hold most often ranked highest), cut into blocks of `size` with
 * the union of their masks: a query skips a whole block whose skills
 * ceiling cannot reach the k-th score. The first `sorted` slots are in
 * blocks; members added since are a tail that is sorted in once it is a
 * quarter of the group. A removal fills its place with the last member and
 * widens that block's mask by it, so a block's mask always covers its
 * members.
 */
export class WorkerGroup extends WorkerBlock {
  readonly slots = new IntList();
  /** Slots [0, sorted) are in blocks; [sorted, length) are not yet. */
  sorted = 0;
  /** Per block, the union of its members' skill masks (low, high word). */
  blockMasks = EMPTY;
  /**
   * The same per quarter of a block (`subSize` members): members are ordered
   * by mask, so a quarter's union is often one member's mask, and a block
   * whose union reaches the k-th score has its quarters checked before any
   * member's own mask is read (a random read each).
   */
  subMasks = EMPTY;
  readonly subSize: number;
  private removedSinceRebuild = 0;

  constructor(
    place: number,
    readonly occupation: number,
    readonly summary: PlaceSummary,
    readonly layout: BlockLayout = DEFAULT_BLOCKS,
  ) {
    super(place);
    summary.groups.push(this);
    this.subSize = layout.size % 4 === 0 ? layout.size / 4 : 1;
  }

  add(slot: number, c: WorkerColumns): void {
    this.slots.push(slot);
    if (this.widen(slot, c)) this.summary.widen(slot, c);
    const n = this.slots.length;
    if (n >= this.layout.from && (n - this.sorted) * 4 > n) this.sortIntoBlocks(c);
  }

  remove(slot: number, c: WorkerColumns): void {
    const i = this.slots.remove(slot);
    if (i < 0) return;
    if (this.slots.length < this.sorted) this.sorted = this.slots.length;
    if (i < this.sorted) {
      // The last member took the removed one's place: its block's mask now covers it.
      const moved = this.slots.data[i]!;
      const b = Math.floor(i / this.layout.size) * 2;
      this.blockMasks[b] = (this.blockMasks[b]! | c.skillMask[moved * 2]!) >>> 0;
      this.blockMasks[b + 1] = (this.blockMasks[b + 1]! | c.skillMask[moved * 2 + 1]!) >>> 0;
      const q = Math.floor(i / this.subSize) * 2;
      this.subMasks[q] = (this.subMasks[q]! | c.skillMask[moved * 2]!) >>> 0;
      this.subMasks[q + 1] = (this.subMasks[q + 1]! | c.skillMask[moved * 2 + 1]!) >>> 0;
    }
    if (isAvailable(c.flags[slot]!)) this.available -= 1;
    this.removedSinceRebuild += 1;
    if (this.removedSinceRebuild > 16 && this.removedSinceRebuild * 2 > this.slots.length) this.rebuild(c);
  }

  private rebuild(c: WorkerColumns): void {
    this.clear();
    this.removedSinceRebuild = 0;
    for (let i = 0; i < this.slots.length; i += 1) this.widen(this.slots.data[i]!, c);
    this.summary.loose = true;
    if (this.slots.length >= this.layout.from) this.sortIntoBlocks(c);
    else {
      this.sorted = 0;
      this.blockMasks = EMPTY;
      this.subMasks = EMPTY;
    }
  }

  /**
   * Orders the members by their skill mask read with the group's most held
   * bits as the most significant, so members lacking a common skill (or
   * holding the same ones) are next to each other, and recomputes the blocks.
   */
  private sortIntoBlocks(c: WorkerColumns): void {
    const n = this.slots.length;
    const data = this.slots.data;
    const masks = c.skillMask;
    const keys = maskOrderKeys(n, (i) => data[i]! * 2, masks);
    const order = Int32Array.from({ length: n }, (_, i) => i);
    order.sort((a, b) => keys[b]! - keys[a]!);
    const before = data.slice(0, n);
    const size = this.layout.size;
    const blockMasks = new Uint32Array(Math.ceil(n / size) * 2);
    const sub = this.subSize;
    const subMasks = new Uint32Array(Math.ceil(n / sub) * 2);
    for (let i = 0; i < n; i += 1) {
      const slot = before[order[i]!]!;
      data[i] = slot;
      const b = Math.floor(i / size) * 2;
      blockMasks[b] = (blockMasks[b]! | masks[slot * 2]!) >>> 0;
      blockMasks[b + 1] = (blockMasks[b + 1]! | masks[slot * 2 + 1]!) >>> 0;
      const q = Math.floor(i / sub) * 2;
      subMasks[q] = (subMasks[q]! | masks[slot * 2]!) >>> 0;
      subMasks[q + 1] = (subMasks[q + 1]! | masks[slot * 2 + 1]!) >>> 0;
    }
    this.blockMasks = blockMasks;
    this.subMasks = subMasks;
    this.sorted = n;
  }

  get bytes(): number {
    return this.slots.bytes + this.blockMasks.byteLength + this.subMasks.byteLength;
  }
}

/**
 * The order of members within a group's blocks (descending key): each
 * member's skill mask (low and high word at `masks[at(i)]`) read with the
 * bits the n members hold most often as the most significant, so members
 * lacking a common skill (or holding the same ones) are next to each other.
 * Also the start-up layout's order within a group (`WorkerIndex.upsertMany`),
 * so that a group's blocks follow its slots.
 */
export function maskOrderKeys(n: number, at: (i: number) => number, masks: Uint32Array): Float64Array {
  const held = new Int32Array(64);
  for (let i = 0; i < n; i += 1) {
    const offset = at(i);
    for (let word = 0; word < 2; word += 1)
      for (let bits = masks[offset + word]!; bits !== 0; bits &= bits - 1) held[word * 32 + (31 - Math.clz32(bits & -bits))]! += 1;
  }
  const byHeld = Array.from({ length: 64 }, (_, bit) => bit).sort((a, b) => held[b]! - held[a]!);
  // weight[bit]: the bit's place in the key, the most held bit worth the most (2^51 down; the 12 least held share the lowest places, which only coarsens the order).
  const weight = new Float64Array(64);
  byHeld.forEach((bit, rank) => {
    weight[bit] = 2 ** Math.max(0, 51 - rank);
  });
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    const offset = at(i);
    let key = 0;
    for (let word = 0; word < 2; word += 1)
      for (let bits = masks[offset + word]!; bits !== 0; bits &= bits - 1) key += weight[word * 32 + (31 - Math.clz32(bits & -bits))]!;
    keys[i] = key;
  }
  return keys;
}

const EMPTY = new Uint32Array(0);

/**
 * Occupation id → group key → group, a group being the workers of one place
 * who are all in a priority group or all not: the boost is worth as much as
 * a few km, so mixing them would lift every group's bound by the boost.
 * Workers with no desired occupation are under NO_OCCUPATION. The groups of
 * one key across all occupations are also summed up in a PlaceSummary, so
 * that a query over most occupations bounds ~200 places before any group.
 */
export class OccupationGroups {
  static readonly NO_OCCUPATION = -1;
  readonly groups = new Map<number, Map<number, WorkerGroup>>();
  /** Group key → the summary of that key's groups over every occupation. */
  readonly places = new Map<number, PlaceSummary>();
  /** Members per occupation (a worker counts once per desired occupation). */
  readonly sizes = new Map<number, number>();

  constructor(private readonly layout: BlockLayout = DEFAULT_BLOCKS) {}

  add(occupation: number, slot: number, c: WorkerColumns): void {
    let byKey = this.groups.get(occupation);
    if (!byKey) this.groups.set(occupation, (byKey = new Map()));
    const key = groupKey(slot, c);
    let group = byKey.get(key);
    if (!group) byKey.set(key, (group = new WorkerGroup(c.place[slot]!, occupation, this.summaryOf(key, c.place[slot]!), this.layout)));
    group.add(slot, c);
    this.sizes.set(occupation, (this.sizes.get(occupation) ?? 0) + 1);
  }

  /** Call before the slot's columns change: its group is found from them. */
  remove(occupation: number, slot: number, c: WorkerColumns): void {
    const group = this.groups.get(occupation)?.get(groupKey(slot, c));
    if (!group) return;
    const before = group.slots.length;
    group.remove(slot, c);
    if (group.slots.length < before) this.sizes.set(occupation, (this.sizes.get(occupation) ?? 1) - 1);
  }

  /** The occupations held by anyone (not NO_OCCUPATION). */
  *occupations(): Generator<number> {
    for (const key of this.groups.keys()) if (key !== OccupationGroups.NO_OCCUPATION) yield key;
  }

  sizeOf(occupations: Iterable<number>): number {
    let size = 0;
    for (const key of occupations) size += this.sizes.get(key) ?? 0;
    return size;
  }

  get bytes(): number {
    let total = this.places.size * 96;
    for (const byPlace of this.groups.values()) for (const group of byPlace.values()) total += group.bytes + 80;
    return total;
  }

  private summaryOf(key: number, place: number): PlaceSummary {
    let summary = this.places.get(key);
    if (!summary) this.places.set(key, (summary = new PlaceSummary(place, key)));
    return summary;
  }
}

/** A worker's group key (and place summary key): place, and in a priority group or not. */
export const groupKey = (slot: number, c: WorkerColumns): number => c.place[slot]! * 2 + (c.priority[slot] !== 0 ? 1 : 0);
