import type { ReferenceData } from '@ketnoi/reference-data';
import { codeSimilarity, drivingLicenceCovers, LANGUAGE_CODES, QUALIFICATION_CODES } from '@ketnoi/reference-data';
import { Interner } from './interner.js';

/** A code outside the reference lists (validated upstream, so rare): exact matches only. */
const safe = (work: () => number | boolean, fallback: number | boolean) => {
  try {
    return work();
  } catch {
    return fallback;
  }
};

/**
 * The reference data the scorer needs, precomputed once into dense ids and
 * matrices: ~107 places (road km), ~620 occupation codes (similarity in
 * quarters), ~370 skills (similarity in tenths; "covers" for must-haves and
 * licences), ~50 language levels ("meets").
 */
export class ReferenceTables {
  readonly places: Interner;
  readonly occupations: Interner;
  readonly skills: Interner;
  readonly levels: Interner;
  readonly languages = new Interner(LANGUAGE_CODES);
  readonly qualifications = new Interner(QUALIFICATION_CODES);
  private readonly distance: Float64Array;
  private readonly occupationQuarters: Uint8Array;
  private readonly skillTenths: Uint8Array;
  private readonly skillCovers: Uint8Array;
  private readonly levelMeets: Uint8Array;
  private readonly coverers = new Map<number, number[]>();
  private readonly knownPlaces: number;
  private readonly knownOccupations: number;
  private readonly knownSkills: number;
  private readonly knownLevels: number;

  constructor(reference: ReferenceData) {
    const parks = reference.list('industrial-parks').items.map((p) => p.code);
    this.places = new Interner([...reference.list('communes').items.map((c) => c.code), ...parks]);
    const np = (this.knownPlaces = this.places.size);
    this.distance = new Float64Array(np * np);
    for (let a = 0; a < np; a += 1)
      for (let b = 0; b < np; b += 1)
        this.distance[a * np + b] = Math.round(reference.distanceKm(this.places.codeOf(a), this.places.codeOf(b)) * 10) / 10;

    this.occupations = new Interner(reference.list('occupations').items.map((o) => o.code));
    const no = (this.knownOccupations = this.occupations.size);
    this.occupationQuarters = new Uint8Array(no * no);
    for (let a = 0; a < no; a += 1)
      for (let b = 0; b < no; b += 1)
        this.occupationQuarters[a * no + b] = codeSimilarity(this.occupations.codeOf(a), this.occupations.codeOf(b)) * 4;

    this.skills = new Interner(reference.list('skills').items.map((s) => s.code));
    const ns = (this.knownSkills = this.skills.size);
    this.skillTenths = new Uint8Array(ns * ns);
    this.skillCovers = new Uint8Array(ns * ns);
    for (let a = 0; a < ns; a += 1) {
      const have = this.skills.codeOf(a);
      const ancestors = new Set(reference.skillAncestors(have).map((s) => s.code));
      for (let b = 0; b < ns; b += 1) {
        const need = this.skills.codeOf(b);
        this.skillTenths[a * ns + b] = Math.round(reference.skillSimilarity(have, need) * 10);
        this.skillCovers[a * ns + b] = a === b || ancestors.has(need) || drivingLicenceCovers(have, need) ? 1 : 0;
      }
    }

    // Level id 0 is "no level given".
    this.levels = new Interner(['', ...reference.list('language-levels').items.map((l) => l.code)]);
    const nl = (this.knownLevels = this.levels.size);
    this.levelMeets = new Uint8Array(nl * nl);
    for (let a = 0; a < nl; a += 1)
      for (let b = 0; b < nl; b += 1)
        this.levelMeets[a * nl + b] = safe(() => reference.meetsLanguageLevel(this.levels.codeOf(a) || undefined, this.levels.codeOf(b) || undefined), a === b) ? 1 : 0;
  }

  distanceKm(a: number, b: number): number {
    const n = this.knownPlaces;
    if (a < n && b < n) return this.distance[a * n + b]!;
    return a === b ? 0 : Number.POSITIVE_INFINITY;
  }

  occupationSimilarity(a: number, b: number): number {
    const n = this.knownOccupations;
    if (a < n && b < n) return this.occupationQuarters[a * n + b]! / 4;
    return codeSimilarity(this.occupations.codeOf(a), this.occupations.codeOf(b));
  }

  skillSimilarity(have: number, need: number): number {
    const n = this.knownSkills;
    if (have < n && need < n) return this.skillTenths[have * n + need]! / 10;
    return have === need ? 1 : 0;
  }

  /** The worker's skill or certificate satisfies a must-have: the same, a narrower one, or a higher licence class. */
  covers(have: number, need: number): boolean {
    const n = this.knownSkills;
    if (have < n && need < n) return this.skillCovers[have * n + need] === 1;
    return have === need;
  }

  /** Every skill that satisfies a must-have `need` (itself, narrower ones, higher licence classes). */
  coveredBy(need: number): readonly number[] {
    let found = this.coverers.get(need);
    if (!found) {
      found = [need];
      if (need < this.knownSkills) for (let have = 0; have < this.knownSkills; have += 1) if (have !== need && this.covers(have, need)) found.push(have);
      this.coverers.set(need, found);
    }
    return found;
  }

  meetsLevel(have: number, need: number): boolean {
    const n = this.knownLevels;
    if (have < n && need < n) return this.levelMeets[have * n + need] === 1;
    return need === 0 || have === need;
  }
}
