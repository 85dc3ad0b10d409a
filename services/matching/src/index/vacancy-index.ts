import type { MatchVacancy } from '../domain/model.js';

/** The vacancies (plain objects: ~10× fewer than workers), with open ones indexed by occupation. */
export class VacancyIndex {
  readonly all = new Map<string, MatchVacancy>();
  readonly openByOccupation = new Map<number, Map<string, MatchVacancy>>();

  get(id: string): MatchVacancy | undefined {
    return this.all.get(id);
  }

  upsert(v: MatchVacancy): void {
    this.remove(v.id);
    this.all.set(v.id, v);
    if (!v.open) return;
    let bucket = this.openByOccupation.get(v.occupation);
    if (!bucket) this.openByOccupation.set(v.occupation, (bucket = new Map()));
    bucket.set(v.id, v);
  }

  remove(id: string): void {
    const old = this.all.get(id);
    if (!old) return;
    this.all.delete(id);
    this.openByOccupation.get(old.occupation)?.delete(id);
  }

  *open(): Generator<MatchVacancy> {
    for (const bucket of this.openByOccupation.values()) yield* bucket.values();
  }
}
