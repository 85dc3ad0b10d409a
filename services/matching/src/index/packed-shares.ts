import type { SkillShares } from './skill-shares.js';

/** Stands for "a vacancy asks no skill": beyond every skill id, so counted as fully earned (the ceiling is 1). */
export const NO_SKILL_ID = 0x7fffffff;

/** What PackedShares copies from each block. */
export interface SharesOf {
  readonly shares: SkillShares;
  /** Some vacancy of the block asks no skill. */
  readonly noSkills: boolean;
}

/**
 * The skills asked by each of some blocks (the runs of a vacancy group, the
 * groups of a place) and their largest shares (each block's `SkillShares`),
 * one block after the other in three typed arrays: block i's from `ends[i -
 * 1]` (or 0) to `ends[i]`, with NO_SKILL_ID at share 1 added for a block
 * with a vacancy asking no skill. A worker query passes over most blocks on
 * their skills alone (they ask none the worker has credit for) from these
 * few contiguous arrays, without reading the blocks themselves: at 100k
 * vacancies that was mostly cache misses on the blocks' objects.
 */
export class PackedShares {
  ids = new Int32Array(0);
  shares = new Float64Array(0);
  ends = new Int32Array(0);

  /** Copies `blocks`' shares as they are now, in that order. */
  pack(blocks: readonly SharesOf[]): void {
    let total = 0;
    for (const block of blocks) total += block.shares.skills.length + (block.noSkills ? 1 : 0);
    if (this.ids.length !== total) {
      this.ids = new Int32Array(total);
      this.shares = new Float64Array(total);
    }
    if (this.ends.length !== blocks.length) this.ends = new Int32Array(blocks.length);
    let at = 0;
    blocks.forEach((block, i) => {
      const { skills, shares } = block.shares;
      for (let j = 0; j < skills.length; j += 1, at += 1) {
        this.ids[at] = skills[j]!;
        this.shares[at] = shares[j]!;
      }
      if (block.noSkills) {
        this.ids[at] = NO_SKILL_ID;
        this.shares[at] = 1;
        at += 1;
      }
      this.ends[i] = at;
    });
  }

  /**
   * Whether `rest` + `weight` × block i's skills ceiling for a worker with
   * these credits (`skillCredits`) can reach `threshold`: what
   * `block.noSkills || block.shares.reaches(…)` answers, the same terms in
   * the same order, summed only as far as needed.
   */
  reaches(i: number, credits: Float64Array, rest: number, weight: number, threshold: number): boolean {
    const { ids, shares } = this;
    let earned = 0;
    for (let j = i === 0 ? 0 : this.ends[i - 1]!, to = this.ends[i]!; j < to; j += 1) {
      const skill = ids[j]!;
      earned += shares[j]! * (skill < credits.length ? credits[skill]! : 1);
      if (!(rest + weight * Math.min(1, earned) < threshold)) return true;
    }
    return !(rest + weight * Math.min(1, earned) < threshold);
  }

  /** Block i's skills ceiling for a worker with these credits: what `block.noSkills ? 1 : block.shares.ceiling(…)` gives, the same terms in the same order. */
  ceiling(i: number, credits: Float64Array): number {
    const { ids, shares } = this;
    let earned = 0;
    for (let j = i === 0 ? 0 : this.ends[i - 1]!, to = this.ends[i]!; j < to; j += 1) {
      const skill = ids[j]!;
      earned += shares[j]! * (skill < credits.length ? credits[skill]! : 1);
      if (earned >= 1) return 1;
    }
    return earned;
  }
}
