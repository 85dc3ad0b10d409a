import type { MatchVacancy } from '../domain/model.js';
import type { ReferenceTables } from '../domain/reference-tables.js';

/**
 * The largest share of the skills factor each skill asked carries among
 * some vacancies (a vacancy group, or a place). A worker earns, per skill
 * asked, its share times their credit for it (their best similarity to
 * it), so their skills factor for any of these vacancies is at most
 * Σ largest share × credit (`ceiling`): each term is never below the
 * vacancy's own. Used by the worker query, where a worker holding few
 * skills earns little from most groups.
 */
/** Up to how many skills a SkillShares finds a skill by scanning them. */
const LINEAR = 16;

function indexOf(skills: number[], skill: number): number | undefined {
  for (let i = 0; i < skills.length; i += 1) if (skills[i] === skill) return i;
  return undefined;
}

export class SkillShares {
  readonly skills: number[] = [];
  readonly shares: number[] = [];
  /** Skill → its index, once there are more than LINEAR skills (a run of a few vacancies, most blocks, is searched in place: no map to keep). */
  private at: Map<number, number> | undefined;

  clear(): void {
    this.skills.length = 0;
    this.shares.length = 0;
    this.at = undefined;
  }

  /** Raises a skill's share to at least `share`. */
  raise(skill: number, share: number): void {
    const i = this.at ? this.at.get(skill) : indexOf(this.skills, skill);
    if (i === undefined) {
      this.skills.push(skill);
      this.shares.push(share);
      if (this.at) this.at.set(skill, this.skills.length - 1);
      else if (this.skills.length > LINEAR) this.at = new Map(this.skills.map((s, j) => [s, j]));
    } else if (share > this.shares[i]!) this.shares[i] = share;
  }

  /** A vacancy's skills (a skill asked twice carries both its shares). */
  addVacancy(v: MatchVacancy): void {
    for (let j = 0; j < v.skills.length; j += 1) {
      let share = 0;
      for (let k = 0; k < v.skills.length; k += 1) if (v.skills[k] === v.skills[j]) share += v.skillWeights[k]!;
      this.raise(v.skills[j]!, share);
    }
  }

  widenBy(other: SkillShares): void {
    for (let i = 0; i < other.skills.length; i += 1) this.raise(other.skills[i]!, other.shares[i]!);
  }

  /**
   * Whether `rest` + `weight` × the ceiling can reach `threshold`, summing
   * only as far as needed: the sum only grows, and so does the bound.
   */
  reaches(credits: Float64Array, rest: number, weight: number, threshold: number): boolean {
    let earned = 0;
    const { skills, shares } = this;
    for (let i = 0; i < skills.length; i += 1) {
      const skill = skills[i]!;
      earned += shares[i]! * (skill < credits.length ? credits[skill]! : 1);
      if (!(rest + weight * Math.min(1, earned) < threshold)) return true;
    }
    return !(rest + weight * Math.min(1, earned) < threshold);
  }

  /** The most the skills factor can be, for a worker with these credits (`skillCredits`), over the vacancies that asked skills. */
  ceiling(credits: Float64Array): number {
    let earned = 0;
    const { skills, shares } = this;
    for (let i = 0; i < skills.length; i += 1) {
      const skill = skills[i]!;
      earned += shares[i]! * (skill < credits.length ? credits[skill]! : 1);
      if (earned >= 1) return 1;
    }
    return earned;
  }
}

/** Bits per word of a skills signature (kept in 32-bit integers), and words. */
const SIGNATURE_BITS = 30;
export const SIGNATURE_WORDS = 2;

/**
 * A signature of some skills into `out[at..at + SIGNATURE_WORDS)`: skill s
 * sets bit s mod 60. Two sets of skills whose signatures share no bit share
 * no skill (`signaturesMeet`); the converse need not hold.
 */
export function signatureOf(skills: Iterable<number>, out: Float64Array | Int32Array, at = 0): void {
  for (let i = 0; i < SIGNATURE_WORDS; i += 1) out[at + i] = 0;
  for (const skill of skills) {
    const bit = skill % (SIGNATURE_BITS * SIGNATURE_WORDS);
    const word = at + Math.floor(bit / SIGNATURE_BITS);
    out[word] = out[word]! | (1 << bit % SIGNATURE_BITS);
  }
}

/** Some bit is in both signatures (`a` from `at`, `b` from 0). */
export function signaturesMeet(a: Float64Array, at: number, b: Int32Array): boolean {
  for (let i = 0; i < SIGNATURE_WORDS; i += 1) if ((a[at + i]! & b[i]!) !== 0) return true;
  return false;
}

/**
 * A worker's credit for every skill known (`lists[from..to)` their skills):
 * their best similarity to it, what `skillsValue` earns for it. Into `out`
 * when it has the length (skills are only ever added to the tables).
 */
export function skillCredits(tables: ReferenceTables, lists: Uint16Array, from: number, to: number, out: Float64Array): Float64Array {
  const n = tables.skills.size;
  const credits = out.length === n ? out : new Float64Array(n);
  credits.fill(0);
  for (let i = from; i < to; i += 1) {
    const have = lists[i]!;
    for (let need = 0; need < n; need += 1) {
      const similarity = tables.skillSimilarity(have, need);
      if (similarity > credits[need]!) credits[need] = similarity;
    }
  }
  return credits;
}

/**
 * A vacancy's skills factor for a worker with these credits: what
 * `skillsValue` computes (the same terms in the same order), 1 when it asks
 * no skill; a skill the credits do not cover counts as fully earned.
 */
export function skillsFromCredits(v: MatchVacancy, credits: Float64Array): number {
  return skillsFromTerms(v.skills, v.skillWeights, 0, v.skills.length, credits);
}

/** `skillsFromCredits` of the vacancy whose skills are `skills[from..to)` with their shares in `weights` (a VacancyRun's packed copy, or the vacancy's own arrays). */
export function skillsFromTerms(skills: Int32Array, weights: Float64Array, from: number, to: number, credits: Float64Array): number {
  if (to === from) return 1;
  let earned = 0;
  for (let j = from; j < to; j += 1) {
    const skill = skills[j]!;
    earned += weights[j]! * (skill < credits.length ? credits[skill]! : 1);
  }
  return Math.min(1, earned);
}
