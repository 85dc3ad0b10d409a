import { evaluate } from '../domain/evaluate.js';
import type { MatchVacancy, MatchWorker } from '../domain/model.js';
import { byRank, insertRanked, type Ranked } from '../domain/ranking.js';
import type { ScoringContext } from '../domain/scoring-context.js';
import { VacancyIndex } from '../index/vacancy-index.js';
import { VacancyQuery } from '../index/vacancy-query.js';
import { WorkerIndex } from '../index/worker-index.js';
import { reachableVacancies, topVacancies } from '../index/worker-query.js';

/** A vacancy's top-K before and after one change. */
export interface ListChange {
  vacancyId: string;
  before: Ranked[];
  after: Ranked[];
}

/**
 * The working set and every vacancy's current top-K, kept exact under each
 * change: only the lists a change can touch are recomputed, and a list is
 * re-queried only when a member dropped out or fell (someone outside might
 * now outrank it).
 */
export class MatchEngine {
  readonly workers = new WorkerIndex();
  readonly vacancies = new VacancyIndex();
  readonly lists = new Map<string, Ranked[]>();
  /** workerId → the vacancies whose top-K holds them. */
  private readonly holders = new Map<string, Set<string>>();
  private readonly query = new VacancyQuery(this.workers);
  /** The K and minimum score the vacancy index's noted thresholds were taken with (see noteThreshold). */
  private thresholdsK = 0;
  private thresholdsFloor = Number.NaN;
  private readonly reachable: MatchVacancy[] = [];

  constructor(public ctx: ScoringContext) {}

  get k(): number {
    return this.ctx.config.kPerVacancy;
  }

  topOfVacancy(id: string): Ranked[] {
    return this.lists.get(id) ?? [];
  }

  topOfWorker(id: string, k = this.ctx.config.kPerWorker): Ranked[] {
    const w = this.workers.get(id);
    return w ? topVacancies(this.ctx, this.vacancies, w, k) : [];
  }

  /** Restores a list saved before a restart, without emitting anything. */
  restoreList(vacancyId: string, list: Ranked[]): void {
    this.setList(vacancyId, list);
  }

  /** What the last vacancy query did (for the benchmark). */
  get lastQuery(): Pick<VacancyQuery, 'scored' | 'scannedAll' | 'groupsBounded' | 'touched' | 'pastCeiling' | 'holdersVisited' | 'blocksOpened' | 'bucketed' | 'bucketedAt'> {
    const { scored, scannedAll, groupsBounded, touched, pastCeiling, holdersVisited, blocksOpened, bucketed, bucketedAt } = this.query;
    return { scored, scannedAll, groupsBounded, touched, pastCeiling, holdersVisited, blocksOpened, bucketed, bucketedAt };
  }

  queryVacancy(v: MatchVacancy): Ranked[] {
    return this.query.run(this.ctx, v, this.k);
  }

  upsertVacancy(v: MatchVacancy): ListChange[] {
    this.vacancies.upsert(v);
    return this.recompute(v.id, v.open ? this.queryVacancy(v) : []);
  }

  removeVacancy(id: string): ListChange[] {
    this.vacancies.remove(id);
    return this.recompute(id, []);
  }

  removeWorker(id: string): ListChange[] {
    const held = [...(this.holders.get(id) ?? [])];
    this.workers.remove(id);
    return held.flatMap((vacancyId) => this.refill(vacancyId));
  }

  /**
   * Rescores the worker in the lists that hold them, and tries them in the
   * lists they could enter: only the vacancies whose group bound for the
   * worker reaches the group's lowest k-th score (`reachableVacancies`).
   */
  upsertWorker(w: MatchWorker): ListChange[] {
    const held = new Set(this.holders.get(w.id));
    this.workers.upsert(w);
    const changes: ListChange[] = [];
    for (const vacancyId of held) {
      const v = this.vacancies.get(vacancyId);
      const change = v?.open ? this.rescoreMember(w, v) : undefined;
      if (change) changes.push(change);
    }
    this.syncThresholdsK();
    const reachable = reachableVacancies(this.ctx, this.vacancies, w, this.reachable);
    for (const v of reachable) {
      if (held.has(v.id)) continue;
      const change = this.tryEnter(w, v);
      if (change) changes.push(change);
    }
    reachable.length = 0;
    for (const vacancyId of held) if (!this.vacancies.get(vacancyId)?.open) changes.push(...this.recompute(vacancyId, []));
    return changes;
  }

  /** The noted thresholds are k-th scores (the minimum score for a list not full): after a new config they are taken again from the lists. */
  private syncThresholdsK(): void {
    if (this.thresholdsNoted()) return;
    this.thresholdsK = this.k;
    this.thresholdsFloor = this.ctx.config.minScore;
    this.vacancies.clearThresholds(this.thresholdsFloor);
    for (const [vacancyId, list] of this.lists) this.vacancies.noteThreshold(vacancyId, this.thresholdOf(list));
  }

  private thresholdsNoted(): boolean {
    return this.thresholdsK === this.k && this.thresholdsFloor === this.ctx.config.minScore;
  }

  private thresholdOf(list: Ranked[]): number {
    return list.length >= this.k ? list[this.k - 1]!.score : Number.NEGATIVE_INFINITY;
  }

  /** Recomputes these vacancies' lists from scratch (a vacancy closed meanwhile is skipped: its closing withdrew it). */
  requery(vacancyIds: Iterable<string>): ListChange[] {
    const changes: ListChange[] = [];
    for (const id of vacancyIds) {
      const v = this.vacancies.get(id);
      if (v?.open) changes.push(...this.recompute(id, this.queryVacancy(v)));
    }
    return changes;
  }

  /** A vacancy `reachableVacancies` listed (it bounded the worker against this list's noted k-th score): scored, and entered if the score makes the list. */
  private tryEnter(w: MatchWorker, v: MatchVacancy): ListChange | undefined {
    const list = this.lists.get(v.id) ?? [];
    const score = evaluate(this.ctx, w, v);
    if (score < 0) return undefined;
    const after = list.slice();
    if (insertRanked(after, { id: w.id, score }, this.k)?.id === w.id) return undefined;
    return this.recompute(v.id, after)[0];
  }

  private rescoreMember(w: MatchWorker, v: MatchVacancy): ListChange | undefined {
    const list = this.lists.get(v.id) ?? [];
    const previous = list.find((entry) => entry.id === w.id)?.score ?? -1;
    const score = evaluate(this.ctx, w, v);
    if (score === previous) return undefined;
    if (score < previous && list.length >= this.k) return this.recompute(v.id, this.queryVacancy(v))[0];
    const after = list.filter((entry) => entry.id !== w.id);
    if (score >= 0) after.push({ id: w.id, score });
    return this.recompute(v.id, after.sort(byRank))[0];
  }

  private refill(vacancyId: string): ListChange[] {
    const v = this.vacancies.get(vacancyId);
    return this.recompute(vacancyId, v?.open ? this.queryVacancy(v) : []);
  }

  private recompute(vacancyId: string, after: Ranked[]): ListChange[] {
    const before = this.lists.get(vacancyId) ?? [];
    this.setList(vacancyId, after);
    return sameList(before, after) ? [] : [{ vacancyId, before, after }];
  }

  private setList(vacancyId: string, after: Ranked[]): void {
    for (const entry of this.lists.get(vacancyId) ?? []) {
      const held = this.holders.get(entry.id);
      held?.delete(vacancyId);
      if (held?.size === 0) this.holders.delete(entry.id);
    }
    if (after.length === 0) this.lists.delete(vacancyId);
    else this.lists.set(vacancyId, after);
    if (this.thresholdsNoted()) this.vacancies.noteThreshold(vacancyId, this.thresholdOf(after));
    for (const entry of after) {
      let held = this.holders.get(entry.id);
      if (!held) this.holders.set(entry.id, (held = new Set()));
      held.add(vacancyId);
    }
  }
}

const sameList = (a: Ranked[], b: Ranked[]): boolean =>
  a.length === b.length && a.every((entry, i) => entry.id === b[i]!.id && entry.score === b[i]!.score);
