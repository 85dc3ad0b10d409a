import type { VacancyExtremes } from '../domain/group-bounds.js';
import type { MatchVacancy } from '../domain/model.js';
import { SkillBits } from './skill-ceiling.js';

/** The best each cheap factor can be among some open vacancies of one place. */
export class VacancyBlock extends SkillBits implements VacancyExtremes {
  minQualification = 0;
  maxWageK = 0;
  minExperienceTenths = 0;
  housing = false;
  noHousing = false;
  welcomed = 0;
  // skillsLo, skillsHi (SkillBits): the union of the bits of the skills asked.
  /** Some vacancy asks no skill (its skills factor is 1). */
  noSkills = false;
  /**
   * The lowest k-th score of the blocks' vacancies' lists (-Infinity when one
   * is not full), as last noted (VacancyIndex.noteThreshold); recomputed
   * when next needed once `thresholdLoose`.
   */
  minThreshold = Number.NEGATIVE_INFINITY;
  thresholdLoose = true;

  constructor(readonly place: number) {
    super();
    this.reset();
  }

  reset(): void {
    this.minQualification = Number.MAX_SAFE_INTEGER;
    this.maxWageK = 0;
    this.minExperienceTenths = Number.MAX_SAFE_INTEGER;
    this.housing = false;
    this.noHousing = false;
    this.welcomed = 0;
    this.clearSkills();
    this.noSkills = false;
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
    for (let j = 0; j < v.skills.length; j += 1) this.widenSkill(v.skills[j]!);
    this.thresholdLoose = true;
  }

  widenBy(b: VacancyBlock): void {
    this.minQualification = Math.min(this.minQualification, b.minQualification);
    this.maxWageK = Math.max(this.maxWageK, b.maxWageK);
    this.minExperienceTenths = Math.min(this.minExperienceTenths, b.minExperienceTenths);
    this.housing ||= b.housing;
    this.noHousing ||= b.noHousing;
    this.welcomed |= b.welcomed;
    this.widenSkills(b.skillsLo, b.skillsHi);
    this.noSkills ||= b.noSkills;
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

  tighten(): void {
    if (!this.loose) return;
    this.reset();
    for (const group of this.groups) if (group.vacancies.size > 0) this.widenBy(group);
    this.loose = false;
  }
}

/** The open vacancies of one occupation at one place, with the best each cheap factor can be among them. */
export class VacancyGroup extends VacancyBlock {
  readonly vacancies = new Map<string, MatchVacancy>();

  constructor(
    readonly occupation: number,
    readonly summary: VacancyPlace,
  ) {
    super(summary.place);
    summary.groups.push(this);
  }

  add(v: MatchVacancy): void {
    if (this.vacancies.size === 0) this.reset();
    this.vacancies.set(v.id, v);
    this.widen(v);
    this.summary.widen(v);
  }

  /** Recomputed whole on removal (groups are small: vacancies are ~10× fewer than workers). */
  delete(id: string): boolean {
    if (!this.vacancies.delete(id)) return false;
    this.reset();
    for (const v of this.vacancies.values()) this.widen(v);
    this.summary.loose = true;
    return true;
  }
}

/** The vacancies (plain objects: ~10× fewer than workers), with open ones grouped by occupation, then place. */
export class VacancyIndex {
  readonly all = new Map<string, MatchVacancy>();
  readonly openByOccupation = new Map<number, Map<number, VacancyGroup>>();
  /** Place → the groups of open vacancies there, of every occupation. */
  readonly places = new Map<number, VacancyPlace>();
  /** Vacancy id → the k-th score of its list, for lists that are full (noteThreshold). */
  private readonly thresholds = new Map<string, number>();
  /** The threshold of a list not full: the minimum score (clearThresholds). */
  private floor = Number.NEGATIVE_INFINITY;
  private openCount = 0;

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
    if (!group) byPlace.set(v.place, (group = new VacancyGroup(v.occupation, this.placeOf(v.place))));
    group.add(v);
    this.openCount += 1;
  }

  remove(id: string): void {
    const old = this.all.get(id);
    if (!old) return;
    this.all.delete(id);
    const byPlace = this.openByOccupation.get(old.occupation);
    const group = byPlace?.get(old.place);
    if (!group?.delete(id)) return;
    this.openCount -= 1;
    if (group.vacancies.size > 0) return;
    byPlace!.delete(old.place);
    if (byPlace!.size === 0) this.openByOccupation.delete(old.occupation);
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
