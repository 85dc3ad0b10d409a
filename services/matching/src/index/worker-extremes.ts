import type { WorkerExtremes } from '../domain/group-bounds.js';
import { NO_LIMIT, WORKER_FLAGS } from '../domain/model.js';
import { SkillBits } from './skill-ceiling.js';
import type { WorkerColumns } from './worker-columns.js';

const AVAILABLE = WORKER_FLAGS.looking | WORKER_FLAGS.consent;
const AVAILABILITY = AVAILABLE | WORKER_FLAGS.placed;

/**
 * The best each cheap factor can be among some available workers of one
 * place, and the union of their skill masks: what a group bound is made of.
 * Only ever widened; `clear` then widening again tightens it.
 */
export class WorkerBlock extends SkillBits implements WorkerExtremes {
  /** Available members (looking, consenting, not placed) widened in. */
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
  /** Union of the members' languages masks (`languageMask`). */
  languages = 0;
  // skillsLo, skillsHi (SkillBits): the union of the members' skill masks.

  constructor(readonly place: number) {
    super();
  }

  clear(): void {
    this.available = 0;
    this.maxQualification = 0;
    this.maxExperienceTenths = 0;
    this.minExpectedWageK = 0xffffffff;
    this.maxCommuteTenths = -1;
    this.noLimit = false;
    this.relocate = false;
    this.priority = 0;
    this.languages = 0;
    this.clearSkills();
  }

  /** Widens by one worker; false (and nothing changes) when the worker is not available. */
  widen(slot: number, c: WorkerColumns): boolean {
    const flags = c.flags[slot]!;
    if ((flags & AVAILABILITY) !== AVAILABLE) return false;
    this.available += 1;
    this.maxQualification = Math.max(this.maxQualification, c.qualification[slot]!);
    this.maxExperienceTenths = Math.max(this.maxExperienceTenths, c.experienceTenths[slot]!);
    this.minExpectedWageK = Math.min(this.minExpectedWageK, c.expectedWageK[slot]!);
    const commute = c.maxCommuteTenths[slot]!;
    if (commute === NO_LIMIT) this.noLimit = true;
    else this.maxCommuteTenths = Math.max(this.maxCommuteTenths, commute);
    if ((flags & WORKER_FLAGS.relocate) !== 0) this.relocate = true;
    this.priority |= c.priority[slot]!;
    this.languages |= c.languages[slot]!;
    this.widenSkills(c.skillMask[slot * 2]!, c.skillMask[slot * 2 + 1]!);
    return true;
  }

  /** Widens by a whole block (of the same place). */
  widenBy(b: WorkerBlock): void {
    this.available += b.available;
    this.maxQualification = Math.max(this.maxQualification, b.maxQualification);
    this.maxExperienceTenths = Math.max(this.maxExperienceTenths, b.maxExperienceTenths);
    this.minExpectedWageK = Math.min(this.minExpectedWageK, b.minExpectedWageK);
    this.maxCommuteTenths = Math.max(this.maxCommuteTenths, b.maxCommuteTenths);
    this.noLimit ||= b.noLimit;
    this.relocate ||= b.relocate;
    this.priority |= b.priority;
    this.languages |= b.languages;
    this.widenSkills(b.skillsLo, b.skillsHi);
  }
}

export const isAvailable = (flags: number): boolean => (flags & AVAILABILITY) === AVAILABLE;
