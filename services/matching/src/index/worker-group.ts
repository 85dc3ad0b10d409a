import { NO_LIMIT, WORKER_FLAGS } from '../domain/model.js';
import { IntList } from './int-list.js';
import type { WorkerColumns } from './worker-columns.js';

const AVAILABLE = WORKER_FLAGS.looking | WORKER_FLAGS.consent;
const AVAILABILITY = AVAILABLE | WORKER_FLAGS.placed;

/**
 * The workers of one occupation living in one place, with the best each
 * cheap factor can be for any available one of them (the block maxima a
 * query bounds the whole group with). A removal leaves the extremes as they
 * were (still a valid bound) until half the group has changed; then they
 * are recomputed from the members.
 */
export class WorkerGroup {
  readonly slots = new IntList();
  /** Available members (looking, consenting, not placed): a group without any is never visited. */
  available = 0;
  maxQualification = 0;
  maxExperienceTenths = 0;
  /** Lowest wage expectation (0, none given, is the best). */
  minExpectedWageK = 0xffffffff;
  /** Longest commute limit among members who gave one (tenths of a km); -1: none did. */
  maxCommuteTenths = -1;
  /** Some member gave no limit (the config's default applies). */
  noLimit = false;
  relocate = false;
  /** Union of the members' priority groups. */
  priority = 0;
  private removedSinceRebuild = 0;

  constructor(readonly place: number) {}

  add(slot: number, c: WorkerColumns): void {
    this.slots.push(slot);
    this.widen(slot, c);
  }

  remove(slot: number, c: WorkerColumns): void {
    if (!this.slots.remove(slot)) return;
    if ((c.flags[slot]! & AVAILABILITY) === AVAILABLE) this.available -= 1;
    this.removedSinceRebuild += 1;
    if (this.removedSinceRebuild > 16 && this.removedSinceRebuild * 2 > this.slots.length) this.rebuild(c);
  }

  private rebuild(c: WorkerColumns): void {
    this.available = 0;
    this.maxQualification = 0;
    this.maxExperienceTenths = 0;
    this.minExpectedWageK = 0xffffffff;
    this.maxCommuteTenths = -1;
    this.noLimit = false;
    this.relocate = false;
    this.priority = 0;
    this.removedSinceRebuild = 0;
    for (let i = 0; i < this.slots.length; i += 1) this.widen(this.slots.data[i]!, c);
  }

  private widen(slot: number, c: WorkerColumns): void {
    const flags = c.flags[slot]!;
    if ((flags & AVAILABILITY) !== AVAILABLE) return;
    this.available += 1;
    this.maxQualification = Math.max(this.maxQualification, c.qualification[slot]!);
    this.maxExperienceTenths = Math.max(this.maxExperienceTenths, c.experienceTenths[slot]!);
    this.minExpectedWageK = Math.min(this.minExpectedWageK, c.expectedWageK[slot]!);
    const commute = c.maxCommuteTenths[slot]!;
    if (commute === NO_LIMIT) this.noLimit = true;
    else this.maxCommuteTenths = Math.max(this.maxCommuteTenths, commute);
    if ((flags & WORKER_FLAGS.relocate) !== 0) this.relocate = true;
    this.priority |= c.priority[slot]!;
  }
}

/**
 * Occupation id → group key → group, a group being the workers of one place
 * who are all in a priority group or all not: the boost is worth as much as
 * a few km, so mixing them would lift every group's bound by the boost.
 * Workers with no desired occupation are under NO_OCCUPATION.
 */
export class OccupationGroups {
  static readonly NO_OCCUPATION = -1;
  readonly groups = new Map<number, Map<number, WorkerGroup>>();
  /** Members per occupation (a worker counts once per desired occupation). */
  readonly sizes = new Map<number, number>();

  add(occupation: number, slot: number, c: WorkerColumns): void {
    let byKey = this.groups.get(occupation);
    if (!byKey) this.groups.set(occupation, (byKey = new Map()));
    const key = groupKey(slot, c);
    let group = byKey.get(key);
    if (!group) byKey.set(key, (group = new WorkerGroup(c.place[slot]!)));
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
    let total = 0;
    for (const byPlace of this.groups.values()) for (const group of byPlace.values()) total += group.slots.bytes + 48;
    return total;
  }
}

const groupKey = (slot: number, c: WorkerColumns): number => c.place[slot]! * 2 + (c.priority[slot] !== 0 ? 1 : 0);
