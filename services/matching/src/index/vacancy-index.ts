import type { VacancyExtremes } from '../domain/group-bounds.js';
import type { MatchVacancy } from '../domain/model.js';

/** The open vacancies of one occupation at one place, with the best each cheap factor can be among them. */
export class VacancyGroup implements VacancyExtremes {
  readonly vacancies = new Map<string, MatchVacancy>();
  minQualification = 0;
  maxWageK = 0;
  minExperienceTenths = 0;
  housing = false;
  noHousing = false;
  welcomed = 0;

  constructor(readonly place: number) {}

  add(v: MatchVacancy): void {
    if (this.vacancies.size === 0) this.reset();
    this.vacancies.set(v.id, v);
    this.widen(v);
  }

  /** Recomputed whole on removal (groups are small: vacancies are ~10× fewer than workers). */
  delete(id: string): boolean {
    if (!this.vacancies.delete(id)) return false;
    this.reset();
    for (const v of this.vacancies.values()) this.widen(v);
    return true;
  }

  private reset(): void {
    this.minQualification = Number.MAX_SAFE_INTEGER;
    this.maxWageK = 0;
    this.minExperienceTenths = Number.MAX_SAFE_INTEGER;
    this.housing = false;
    this.noHousing = false;
    this.welcomed = 0;
  }

  private widen(v: MatchVacancy): void {
    this.minQualification = Math.min(this.minQualification, v.minQualification);
    this.maxWageK = Math.max(this.maxWageK, v.wageMaxK);
    this.minExperienceTenths = Math.min(this.minExperienceTenths, v.minExperienceTenths);
    if (v.housing) this.housing = true;
    else this.noHousing = true;
    this.welcomed |= v.welcomed;
  }
}

/** The vacancies (plain objects: ~10× fewer than workers), with open ones grouped by occupation, then place. */
export class VacancyIndex {
  readonly all = new Map<string, MatchVacancy>();
  readonly openByOccupation = new Map<number, Map<number, VacancyGroup>>();
  private openCount = 0;

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
    if (!group) byPlace.set(v.place, (group = new VacancyGroup(v.place)));
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
  }

  *open(): Generator<MatchVacancy> {
    for (const byPlace of this.openByOccupation.values()) for (const group of byPlace.values()) yield* group.vacancies.values();
  }
}
