import type { VacancyExtremes } from '../domain/group-bounds.js';
import type { MatchVacancy } from '../domain/model.js';
import { PackedShares } from './packed-shares.js';
import { SIGNATURE_WORDS, SkillShares, signatureOf } from './skill-shares.js';
import type { BlockLayout } from './worker-group.js';

/** Where each of a group's numbers is in its row of VacancyPlace.groupRows. */
export const PLACE_COLUMNS = { occupation: 0, minQualification: 1, maxWageK: 2, minExperienceTenths: 3, flags: 4, welcomed: 5, group: 6, topSkill: 7, skills: 8 } as const;
export const PLACE_ROW = 8 + SIGNATURE_WORDS;
/** The `flags` column: some vacancy of the group offers housing (HOUSING), some does not (NO_HOUSING), some asks no skill (NO_SKILLS). */
export const HOUSING = 1;
export const NO_HOUSING = 2;
export const NO_SKILLS = 4;

/** A block's `flags` column. */
const flagsOf = (block: VacancyBlock): number => (block.housing ? HOUSING : 0) | (block.noHousing ? NO_HOUSING : 0) | (block.noSkills ? NO_SKILLS : 0);

/** Where each of a run's vacancies' cheap numbers is in its row of VacancyRun.terms. */
export const RUN_COLUMNS = { minQualification: 0, wageMaxK: 1, minExperienceTenths: 2, flags: 3, welcomed: 4 } as const;
export const RUN_ROW = 5;
/** The `flags` column of a run's vacancy: it offers housing (HOUSING), its work is closed to minors (CLOSED_TO_MINORS). */
export const CLOSED_TO_MINORS = 2;

/** Where each of a group's numbers is in its row of VacancyOccupation.rows. */
export const OCCUPATION_COLUMNS = { place: 0, minQualification: 1, maxWageK: 2, minExperienceTenths: 3, flags: 4, welcomed: 5 } as const;
export const OCCUPATION_ROW = 6;

/** The best each cheap factor can be among some open vacancies of one place. */
export class VacancyBlock implements VacancyExtremes {
  minQualification = 0;
  maxWageK = 0;
  minExperienceTenths = 0;
  housing = false;
  noHousing = false;
  welcomed = 0;
  /** Some vacancy asks no skill (its skills factor is 1). */
  noSkills = false;
  /** Each skill asked, with the largest share of the skills factor it carries (a bound on a worker's skills factor). */
  readonly shares = new SkillShares();
  /**
   * The lowest k-th score of the blocks' vacancies' lists (-Infinity when one
   * is not full), as last noted (VacancyIndex.noteThreshold); recomputed
   * when next needed once `thresholdLoose`.
   */
  minThreshold = Number.NEGATIVE_INFINITY;
  thresholdLoose = true;

  constructor(readonly place: number) {
    this.reset();
  }

  reset(): void {
    this.minQualification = Number.MAX_SAFE_INTEGER;
    this.maxWageK = 0;
    this.minExperienceTenths = Number.MAX_SAFE_INTEGER;
    this.housing = false;
    this.noHousing = false;
    this.welcomed = 0;
    this.noSkills = false;
    this.shares.clear();
    this.thresholdLoose = true;
  }

  widen(v: MatchVacancy): void {
    this.minQualification = Math.min(this.minQualification, v.minQualification);
    this.maxWageK = Math.max(this.maxWageK, v.wageMaxK);
    this.minExperienceTenths = Math.min(this.minExperienceTenths, v.minExperienceTenths);
    if (v.housing) this.housing = true;
    else this.noHousing = true;
    this.welcomed |= v.welcomed;
    if (v.skills.length === 0) this.noSkills = true;
    this.shares.addVacancy(v);
    this.thresholdLoose = true;
  }

  widenBy(b: VacancyBlock): void {
    this.minQualification = Math.min(this.minQualification, b.minQualification);
    this.maxWageK = Math.max(this.maxWageK, b.maxWageK);
    this.minExperienceTenths = Math.min(this.minExperienceTenths, b.minExperienceTenths);
    this.housing ||= b.housing;
    this.noHousing ||= b.noHousing;
    this.welcomed |= b.welcomed;
    this.noSkills ||= b.noSkills;
    this.shares.widenBy(b.shares);
    this.thresholdLoose = true;
  }
}

/**
 * Every group of open vacancies at one place, over all occupations: a
 * worker query over most occupations bounds the places before any group.
 * Widened on each opening; after a closing (`loose`), recomputed from the
 * groups when next used.
 */
export class VacancyPlace extends VacancyBlock {
  readonly groups: VacancyGroup[] = [];
  loose = false;
  /** Set by any opening or closing in a group of the place (a group is only made or dropped by one): `groupRows` are made again when next read. */
  rowsStale = true;
  private rows = new Float64Array(0);
  /** The skills and largest shares of each group of `groupRows`, row by row (made with them). */
  readonly rowShares = new PackedShares();
  /**
   * The runs of the groups of `groupRows`, row by row (made with them; a
   * group not cut into runs has none): row i's from `runFrom[i]` to
   * `runFrom[i + 1]`, with their skills and largest shares in `runShares`,
   * so that a worker query passes over a group's runs without reading the
   * group (`VacancyGroup.packedRuns` holds the same, group by group).
   */
  runs: VacancyRun[] = [];
  runFrom = new Int32Array(1);
  readonly runShares = new PackedShares();

  /**
   * Each group's occupation, cheap extremes and skills' signature
   * (`signatureOf`), PLACE_ROW numbers per group (PLACE_COLUMNS; `group`:
   * its index in `groups`), the best paid first: a
   * worker query bounds a place's many groups of other occupations from
   * this one array, reads a group itself only when that bound passes, and
   * stops where the wage left cannot reach the k-th score.
   */
  groupRows(): Float64Array {
    if (!this.rowsStale) return this.rows;
    if (this.rows.length !== this.groups.length * PLACE_ROW) this.rows = new Float64Array(this.groups.length * PLACE_ROW);
    const rows = this.rows;
    const order = this.groups.map((_, i) => i).sort((a, b) => this.groups[b]!.maxWageK - this.groups[a]!.maxWageK || a - b);
    this.rowShares.pack(order.map((index) => this.groups[index]!));
    if (this.runFrom.length !== order.length + 1) this.runFrom = new Int32Array(order.length + 1);
    this.runs = [];
    order.forEach((index, i) => {
      this.runFrom[i] = this.runs.length;
      for (const run of this.groups[index]!.blocks() ?? []) this.runs.push(run);
    });
    this.runFrom[order.length] = this.runs.length;
    this.runShares.pack(this.runs);
    order.forEach((index, i) => {
      const g = this.groups[index]!;
      const r = i * PLACE_ROW;
      rows[r + PLACE_COLUMNS.occupation] = g.occupation;
      rows[r + PLACE_COLUMNS.minQualification] = g.minQualification;
      rows[r + PLACE_COLUMNS.maxWageK] = g.maxWageK;
      rows[r + PLACE_COLUMNS.minExperienceTenths] = g.minExperienceTenths;
      rows[r + PLACE_COLUMNS.flags] = flagsOf(g);
      rows[r + PLACE_COLUMNS.welcomed] = g.welcomed;
      rows[r + PLACE_COLUMNS.group] = index;
      rows[r + PLACE_COLUMNS.topSkill] = Math.max(-1, ...g.shares.skills);
      signatureOf(g.shares.skills, rows, r + PLACE_COLUMNS.skills);
    });
    this.rowsStale = false;
    return rows;
  }

  tighten(): void {
    if (!this.loose) return;
    this.reset();
    for (const group of this.groups) if (group.vacancies.size > 0) this.widenBy(group);
    this.loose = false;
  }
}

/**
 * Vacancies of a group that welcome the same priority groups and ask like
 * qualifications and skills (VacancyGroup.blocks), with the best each cheap factor can be
 * among them and their skills ceiling: a worker query bounds the run as it
 * bounds the group, then skips it whole.
 */
export class VacancyRun extends VacancyBlock {
  /**
   * Every vacancy's skills and their shares, one after the other (vacancy
   * i's from `skillEnds[i - 1]`, or 0, to `skillEnds[i]`): a worker query
   * bounds a run's vacancies by their skills from these few contiguous
   * arrays, and reads a vacancy's own object only when that bound passes.
   */
  skillIds = new Int32Array(0);
  skillWeights = new Float64Array(0);
  skillEnds = new Int32Array(0);
  /** Each vacancy's cheap numbers, a row each (RUN_COLUMNS): its cheap bound without reading it. */
  terms = new Float64Array(0);

  /** In order of `keys`; each vacancy's `runKey`. */
  constructor(
    place: number,
    readonly vacancies: MatchVacancy[],
    readonly keys: string[],
  ) {
    super(place);
    for (const v of vacancies) this.widen(v);
    this.pack();
  }

  /** Adds a vacancy at `at` of the run (`key`: its runKey). */
  insert(at: number, v: MatchVacancy, key: string): void {
    this.keys.splice(at, 0, key);
    this.vacancies.splice(at, 0, v);
    this.widen(v);
    this.pack();
  }

  private pack(): void {
    let total = 0;
    for (const v of this.vacancies) total += v.skills.length;
    this.skillIds = new Int32Array(total);
    this.skillWeights = new Float64Array(total);
    this.skillEnds = new Int32Array(this.vacancies.length);
    this.terms = new Float64Array(this.vacancies.length * RUN_ROW);
    let at = 0;
    this.vacancies.forEach((v, i) => {
      this.skillIds.set(v.skills, at);
      this.skillWeights.set(v.skillWeights, at);
      at += v.skills.length;
      this.skillEnds[i] = at;
      const r = i * RUN_ROW;
      this.terms[r + RUN_COLUMNS.minQualification] = v.minQualification;
      this.terms[r + RUN_COLUMNS.wageMaxK] = v.wageMaxK;
      this.terms[r + RUN_COLUMNS.minExperienceTenths] = v.minExperienceTenths;
      this.terms[r + RUN_COLUMNS.flags] = (v.housing ? HOUSING : 0) | (v.closedToMinors ? CLOSED_TO_MINORS : 0);
      this.terms[r + RUN_COLUMNS.welcomed] = v.welcomed;
    });
  }
}

/** How big vacancy groups are cut into runs (`size` vacancies each, from `from` vacancies in the group). */
export const DEFAULT_RUNS: BlockLayout = { size: 4, from: 2 };

/** The open vacancies of one occupation at one place, with the best each cheap factor can be among them. */
export class VacancyGroup extends VacancyBlock {
  readonly vacancies = new Map<string, MatchVacancy>();
  /** Once built (first use, from `layout.from` vacancies), kept up to date by each change rather than rebuilt. */
  private runs: VacancyRun[] | undefined;
  /** The skills and largest shares of each run, run by run (`packedRuns`). */
  readonly runShares = new PackedShares();
  private runSharesStale = true;

  constructor(
    readonly occupation: number,
    readonly summary: VacancyPlace,
    private readonly layout: BlockLayout = DEFAULT_RUNS,
  ) {
    super(summary.place);
    summary.groups.push(this);
  }

  add(v: MatchVacancy): void {
    if (this.vacancies.size === 0) this.reset();
    this.vacancies.set(v.id, v);
    this.widen(v);
    this.summary.widen(v);
    this.summary.rowsStale = true;
    this.runSharesStale = true;
    if (this.runs) this.addToRun(v);
  }

  /** Recomputed whole on removal (groups are small: vacancies are ~10× fewer than workers). */
  delete(id: string): boolean {
    const old = this.vacancies.get(id);
    if (!old) return false;
    this.vacancies.delete(id);
    this.reset();
    for (const v of this.vacancies.values()) this.widen(v);
    this.summary.loose = true;
    this.summary.rowsStale = true;
    this.runSharesStale = true;
    if (this.runs) {
      if (this.vacancies.size < this.layout.from) this.runs = undefined;
      else this.removeFromRun(old);
    }
    return true;
  }

  /**
   * The group's vacancies ordered by `runKey` (the priority groups they
   * welcome, the qualification they ask, then the skills they weigh most),
   * cut into runs (`layout`), each with its own bounds: a worker query skips
   * a run whose bound cannot reach the k-th score. Undefined for a group
   * under `layout.from`. Built (sorted) at start-up (`VacancyIndex.upsertMany`)
   * or else on first use; then each opening goes into
   * the run of its place in that order (a run grown to twice the size is
   * split) and each closing leaves its run (whose shares are recomputed
   * from the few left), so a busy group is never sorted again.
   */
  blocks(): VacancyRun[] | undefined {
    if (this.vacancies.size < this.layout.from) return undefined;
    if (this.runs) return this.runs;
    const sorted = [...this.vacancies.values()].map((v) => ({ v, key: runKey(v) })).sort((a, b) => compareKeys(a.key, b.key));
    const runs: VacancyRun[] = [];
    const size = this.layout.size;
    for (let i = 0; i < sorted.length; i += size) {
      const part = sorted.slice(i, i + size);
      runs.push(new VacancyRun(this.place, part.map(({ v }) => v), part.map(({ key }) => key)));
    }
    this.runSharesStale = true;
    return (this.runs = runs);
  }

  /** `blocks()`, with `runShares` made again if a change came since. */
  packedRuns(): VacancyRun[] | undefined {
    const runs = this.blocks();
    if (runs && this.runSharesStale) {
      this.runShares.pack(runs);
      this.runSharesStale = false;
    }
    return runs;
  }

  private addToRun(v: MatchVacancy): void {
    const runs = this.runs!;
    const key = runKey(v);
    const r = runFor(runs, key);
    const run = runs[r]!;
    let at = run.keys.length;
    while (at > 0 && compareKeys(run.keys[at - 1]!, key) > 0) at -= 1;
    run.insert(at, v, key);
    if (run.vacancies.length >= 2 * this.layout.size) {
      const half = run.vacancies.length >> 1;
      runs.splice(r, 1, new VacancyRun(this.place, run.vacancies.slice(0, half), run.keys.slice(0, half)), new VacancyRun(this.place, run.vacancies.slice(half), run.keys.slice(half)));
    }
  }

  private removeFromRun(v: MatchVacancy): void {
    const runs = this.runs!;
    const key = runKey(v);
    const r = runFor(runs, key);
    const run = runs[r]!;
    const at = run.keys.indexOf(key);
    if (at < 0) return;
    run.keys.splice(at, 1);
    run.vacancies.splice(at, 1);
    if (run.vacancies.length === 0) runs.splice(r, 1);
    else runs[r] = new VacancyRun(this.place, run.vacancies, run.keys);
  }
}

/** The last run whose first key is not after `key` (the first run if none). */
function runFor(runs: VacancyRun[], key: string): number {
  let lo = 0;
  let hi = runs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (compareKeys(runs[mid]!.keys[0]!, key) <= 0) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const compareKeys = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The priority groups the vacancy welcomes, the qualification it asks, then
 * its skills, heaviest share first, then its id, as a sortable key: the
 * vacancies welcoming no group (most) are in runs whose bound has no welcome
 * boost, and those asking the same qualification and skills most are next
 * to each other.
 */
function runKey(v: MatchVacancy): string {
  const order = Array.from(v.skills.keys()).sort((a, b) => v.skillWeights[b]! - v.skillWeights[a]! || v.skills[a]! - v.skills[b]!);
  return `${String(v.welcomed).padStart(10, '0')}:${String(v.minQualification).padStart(2, '0')}:${order.map((j) => String(v.skills[j]!).padStart(5, '0')).join(' ')}|${v.id}`;
}

/**
 * The open groups of one occupation, place by place, with their cheap
 * extremes in one array (OCCUPATION_COLUMNS, a row per group) and their
 * skills' shares packed: a worker query bounds every group of a tier's
 * occupations from these, its skills ceiling included, and reads a group
 * itself only to visit it (`VacancyIndex.groupsOf`; made again when next
 * read after an opening or closing of the occupation).
 */
export class VacancyOccupation {
  groups: VacancyGroup[] = [];
  rows = new Float64Array(0);
  readonly shares = new PackedShares();
  stale = true;

  refresh(byPlace: Map<number, VacancyGroup>): void {
    this.groups = [...byPlace.values()];
    if (this.rows.length !== this.groups.length * OCCUPATION_ROW) this.rows = new Float64Array(this.groups.length * OCCUPATION_ROW);
    this.groups.forEach((g, i) => {
      const r = i * OCCUPATION_ROW;
      this.rows[r + OCCUPATION_COLUMNS.place] = g.place;
      this.rows[r + OCCUPATION_COLUMNS.minQualification] = g.minQualification;
      this.rows[r + OCCUPATION_COLUMNS.maxWageK] = g.maxWageK;
      this.rows[r + OCCUPATION_COLUMNS.minExperienceTenths] = g.minExperienceTenths;
      this.rows[r + OCCUPATION_COLUMNS.flags] = flagsOf(g);
      this.rows[r + OCCUPATION_COLUMNS.welcomed] = g.welcomed;
    });
    this.shares.pack(this.groups);
    this.stale = false;
  }
}

/** The vacancies (plain objects: ~10× fewer than workers), with open ones grouped by occupation, then place. */
export class VacancyIndex {
  readonly all = new Map<string, MatchVacancy>();
  readonly openByOccupation = new Map<number, Map<number, VacancyGroup>>();
  /** Place → the groups of open vacancies there, of every occupation. */
  readonly places = new Map<number, VacancyPlace>();
  /** Occupation → its groups' rows and packed shares (`groupsOf`). */
  private readonly occupations = new Map<number, VacancyOccupation>();
  /** Vacancy id → the k-th score of its list, for lists that are full (noteThreshold). */
  private readonly thresholds = new Map<string, number>();
  /** The threshold of a list not full: the minimum score (clearThresholds). */
  private floor = Number.NEGATIVE_INFINITY;
  private openCount = 0;

  /** `runs`: how big groups are cut into runs of vacancies with like skills (tests use small ones). */
  constructor(private readonly runs: BlockLayout = DEFAULT_RUNS) {}

  /**
   * Notes the k-th score of a vacancy's list (-Infinity: not full), so that
   * a new or changed worker is only tried against the vacancies whose list
   * it could enter (`groupThreshold`, `placeThreshold`).
   */
  noteThreshold(id: string, threshold: number): void {
    if ((this.thresholds.get(id) ?? Number.NEGATIVE_INFINITY) === threshold) return;
    if (threshold === Number.NEGATIVE_INFINITY) this.thresholds.delete(id);
    else this.thresholds.set(id, threshold);
    const v = this.all.get(id);
    const group = v?.open ? this.openByOccupation.get(v.occupation)?.get(v.place) : undefined;
    if (!group) return;
    group.thresholdLoose = true;
    group.summary.thresholdLoose = true;
  }

  /** Forgets every noted threshold (a new config); `floor`: the least score a list not full takes (the minimum score). */
  clearThresholds(floor = Number.NEGATIVE_INFINITY): void {
    this.thresholds.clear();
    this.floor = floor;
    for (const place of this.places.values()) {
      place.thresholdLoose = true;
      for (const group of place.groups) group.thresholdLoose = true;
    }
  }

  /** The k-th score of a vacancy's list as noted (the floor if it is not full). */
  thresholdOf(id: string): number {
    return this.thresholds.get(id) ?? this.floor;
  }

  /** The lowest k-th score among the group's lists (the floor if one is not full). */
  groupThreshold(group: VacancyGroup): number {
    if (group.thresholdLoose) {
      let min = Number.POSITIVE_INFINITY;
      for (const id of group.vacancies.keys()) min = Math.min(min, this.thresholds.get(id) ?? this.floor);
      group.minThreshold = min;
      group.thresholdLoose = false;
    }
    return group.minThreshold;
  }

  /** The lowest k-th score among the lists of the place's vacancies, of every occupation. */
  placeThreshold(place: VacancyPlace): number {
    if (place.thresholdLoose) {
      let min = Number.POSITIVE_INFINITY;
      for (const group of place.groups) min = Math.min(min, this.groupThreshold(group));
      place.minThreshold = min;
      place.thresholdLoose = false;
    }
    return place.minThreshold;
  }

  /** The open groups of an occupation with their rows (VacancyOccupation), made again first if one of them changed. */
  groupsOf(occupation: number): VacancyOccupation | undefined {
    const byPlace = this.openByOccupation.get(occupation);
    if (!byPlace) return undefined;
    let groups = this.occupations.get(occupation);
    if (!groups) this.occupations.set(occupation, (groups = new VacancyOccupation()));
    if (groups.stale) groups.refresh(byPlace);
    return groups;
  }

  get(id: string): MatchVacancy | undefined {
    return this.all.get(id);
  }

  get openSize(): number {
    return this.openCount;
  }

  upsert(v: MatchVacancy): void {
    this.remove(v.id);
    this.all.set(v.id, v);
    if (!v.open) return;
    let byPlace = this.openByOccupation.get(v.occupation);
    if (!byPlace) this.openByOccupation.set(v.occupation, (byPlace = new Map()));
    let group = byPlace.get(v.place);
    if (!group) byPlace.set(v.place, (group = new VacancyGroup(v.occupation, this.placeOf(v.place), this.runs)));
    group.add(v);
    const groups = this.occupations.get(v.occupation);
    if (groups) groups.stale = true;
    this.openCount += 1;
  }

  /**
   * Adds many vacancies at once (the service's start-up), then cuts every
   * group into runs (with their `runShares`), one group after the other, and makes each place's
   * rows: a group's runs and their packed skills are then made together and
   * sit in neighbouring memory, where runs made by the first query to visit
   * each group lie scattered through the heap among other work (and that
   * query pays for them). Same index as upserting them one by one.
   */
  upsertMany(vacancies: readonly MatchVacancy[]): void {
    for (const v of vacancies) this.upsert(v);
    for (const byPlace of this.openByOccupation.values()) for (const group of byPlace.values()) group.packedRuns();
    for (const place of this.places.values()) place.groupRows();
    for (const occupation of this.openByOccupation.keys()) this.groupsOf(occupation);
  }

  remove(id: string): void {
    const old = this.all.get(id);
    if (!old) return;
    this.all.delete(id);
    const byPlace = this.openByOccupation.get(old.occupation);
    const group = byPlace?.get(old.place);
    if (!group?.delete(id)) return;
    const ofOccupation = this.occupations.get(old.occupation);
    if (ofOccupation) ofOccupation.stale = true;
    this.openCount -= 1;
    if (group.vacancies.size > 0) return;
    byPlace!.delete(old.place);
    if (byPlace!.size === 0) {
      this.openByOccupation.delete(old.occupation);
      this.occupations.delete(old.occupation);
    }
    const groups = group.summary.groups;
    groups.splice(groups.indexOf(group), 1);
  }

  private placeOf(place: number): VacancyPlace {
    let summary = this.places.get(place);
    if (!summary) this.places.set(place, (summary = new VacancyPlace(place)));
    return summary;
  }

  *open(): Generator<MatchVacancy> {
    for (const byPlace of this.openByOccupation.values()) for (const group of byPlace.values()) yield* group.vacancies.values();
  }
}
