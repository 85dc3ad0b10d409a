import { IntList } from './int-list.js';
import { PlaceSummary } from './place-summary.js';
import type { WorkerColumns } from './worker-columns.js';
import { isAvailable, WorkerBlock } from './worker-extremes.js';

/**
 * The workers of one occupation living in one place, with the best each
 * cheap factor can be for any available one of them (the block maxima a
 * query bounds the whole group with). A removal leaves the extremes as they
 * were (still a valid bound) until half the group has changed; then they
 * are recomputed from the members.
 */
export class WorkerGroup extends WorkerBlock {
  readonly slots = new IntList();
  private removedSinceRebuild = 0;

  constructor(
    place: number,
    readonly occupation: number,
    private readonly summary: PlaceSummary,
  ) {
    super(place);
    summary.groups.push(this);
  }

  add(slot: number, c: WorkerColumns): void {
    this.slots.push(slot);
    if (this.widen(slot, c)) this.summary.widen(slot, c);
  }

  remove(slot: number, c: WorkerColumns): void {
    if (!this.slots.remove(slot)) return;
    if (isAvailable(c.flags[slot]!)) this.available -= 1;
    this.removedSinceRebuild += 1;
    if (this.removedSinceRebuild > 16 && this.removedSinceRebuild * 2 > this.slots.length) this.rebuild(c);
  }

  private rebuild(c: WorkerColumns): void {
    this.clear();
    this.removedSinceRebuild = 0;
    for (let i = 0; i < this.slots.length; i += 1) this.widen(this.slots.data[i]!, c);
    this.summary.loose = true;
  }
}

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

  add(occupation: number, slot: number, c: WorkerColumns): void {
    let byKey = this.groups.get(occupation);
    if (!byKey) this.groups.set(occupation, (byKey = new Map()));
    const key = groupKey(slot, c);
    let group = byKey.get(key);
    if (!group) byKey.set(key, (group = new WorkerGroup(c.place[slot]!, occupation, this.summaryOf(key, c.place[slot]!))));
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
    for (const byPlace of this.groups.values()) for (const group of byPlace.values()) total += group.slots.bytes + 80;
    return total;
  }

  private summaryOf(key: number, place: number): PlaceSummary {
    let summary = this.places.get(key);
    if (!summary) this.places.set(key, (summary = new PlaceSummary(place)));
    return summary;
  }
}

const groupKey = (slot: number, c: WorkerColumns): number => c.place[slot]! * 2 + (c.priority[slot] !== 0 ? 1 : 0);
