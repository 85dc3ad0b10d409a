import type { MatchVacancy } from '../domain/model.js';
import type { ReferenceTables } from '../domain/reference-tables.js';

/** The bit (of 64, as two 32-bit words) a skill id sets in a skill mask. */
export const skillBit = (skill: number): number => skill & 63;

/** The union of some skill masks (two 32-bit words, `skillBit`): the skills a block of workers holds (WorkerBlock). */
export class SkillBits {
  skillsLo = 0;
  skillsHi = 0;

  protected clearSkills(): void {
    this.skillsLo = 0;
    this.skillsHi = 0;
  }

  /** ORs in a mask (low and high word). */
  widenSkills(lo: number, hi: number): void {
    this.skillsLo |= lo;
    this.skillsHi |= hi;
  }
}

/** ORs the bits of `lists[from..to)` into `out[at]` (low word) and `out[at + 1]` (high word). */
export function addSkillBits(lists: Uint16Array, from: number, to: number, out: Uint32Array, at: number): void {
  let lo = 0;
  let hi = 0;
  for (let i = from; i < to; i += 1) {
    const bit = skillBit(lists[i]!);
    if (bit < 32) lo |= 1 << bit;
    else hi |= 1 << (bit - 32);
  }
  out[at] = (out[at]! | lo) >>> 0;
  out[at + 1] = (out[at + 1]! | hi) >>> 0;
}

const MAX_LEVELS = 8;

/**
 * A ceiling of a vacancy's skills factor from a 64-bit mask of a worker's (or
 * a group's) skills. For each skill asked, the skills similar to it are
 * split by similarity; the highest similarity whose bits meet the mask is
 * the most that skill can earn (bits are shared, so it may be less, never
 * more). Summed like `skillsValue`, term by term never smaller, so the
 * result is never below the exact factor.
 */
export class SkillCeiling {
  private needs = 0;
  private shares: Float64Array = new Float64Array(0);
  /** Per need, MAX_LEVELS levels, highest similarity first (a similarity of 0 ends them), each with its mask. */
  private values = new Float64Array(0);
  private lows = new Int32Array(0);
  private highs = new Int32Array(0);
  private readonly byValue = new Map<number, [number, number]>();
  /** Levels per (skills known, need): the tables only change by interning new skills. */
  private readonly cache = new Map<string, [number, number, number][]>();

  /** The last mask asked and its ceiling: members of a block are ordered by mask, so the next one often has the same. */
  private lastLo = 0;
  private lastHi = 0;
  private lastValue = Number.NaN;

  prepare(tables: ReferenceTables, v: MatchVacancy): void {
    this.lastValue = Number.NaN;
    this.needs = v.skills.length;
    this.shares = v.skillWeights;
    if (this.values.length < this.needs * MAX_LEVELS) {
      this.values = new Float64Array(this.needs * MAX_LEVELS);
      this.lows = new Int32Array(this.needs * MAX_LEVELS);
      this.highs = new Int32Array(this.needs * MAX_LEVELS);
    }
    for (let j = 0; j < this.needs; j += 1) this.prepareNeed(tables, v.skills[j]!, j * MAX_LEVELS);
  }

  /** The most the skills factor can be for a mask; 1 when the vacancy asks no skill. */
  of(lo: number, hi: number): number {
    if (this.needs === 0) return 1;
    if (lo === this.lastLo && hi === this.lastHi && !Number.isNaN(this.lastValue)) return this.lastValue;
    let earned = 0;
    const { values, lows, highs } = this;
    for (let j = 0; j < this.needs; j += 1) {
      let best = 0;
      for (let at = j * MAX_LEVELS; values[at]! > 0; at += 1)
        if ((lo & lows[at]!) !== 0 || (hi & highs[at]!) !== 0) {
          best = values[at]!;
          break;
        }
      earned += this.shares[j]! * best;
    }
    this.lastLo = lo;
    this.lastHi = hi;
    this.lastValue = Math.min(1, earned);
    return this.lastValue;
  }

  private prepareNeed(tables: ReferenceTables, need: number, at: number): void {
    const key = `${tables.skills.size}:${need}`;
    let levels = this.cache.get(key);
    if (!levels) {
      levels = this.levelsOf(tables, need);
      if (this.cache.size > 4096) this.cache.clear();
      this.cache.set(key, levels);
    }
    levels.forEach(([value, lo, hi], i) => {
      this.values[at + i] = value;
      this.lows[at + i] = lo | 0;
      this.highs[at + i] = hi | 0;
    });
    this.values[at + levels.length] = 0;
  }

  /** [similarity, low word, high word] per level, highest first. */
  private levelsOf(tables: ReferenceTables, need: number): [number, number, number][] {
    const byValue = this.byValue;
    byValue.clear();
    const mark = (have: number, similarity: number) => {
      const masks = byValue.get(similarity) ?? [0, 0];
      const bit = skillBit(have);
      if (bit < 32) masks[0] = (masks[0] | (1 << bit)) >>> 0;
      else masks[1] = (masks[1] | (1 << (bit - 32))) >>> 0;
      byValue.set(similarity, masks);
    };
    const known = tables.skills.size;
    for (let have = 0; have < known; have += 1) {
      const similarity = tables.skillSimilarity(have, need);
      if (similarity > 0) mark(have, similarity);
    }
    if (need >= known) mark(need, 1);
    const values = [...byValue.keys()].sort((a, b) => b - a);
    // More levels than room (a finer taxonomy than today's): the lowest are merged into the next one up, which only raises the ceiling.
    while (values.length > MAX_LEVELS - 1) {
      const lowest = values.pop()!;
      const [lo, hi] = byValue.get(lowest)!;
      const last = byValue.get(values[values.length - 1]!)!;
      last[0] = (last[0] | lo) >>> 0;
      last[1] = (last[1] | hi) >>> 0;
    }
    return values.map((value) => [value, ...byValue.get(value)!]);
  }
}
