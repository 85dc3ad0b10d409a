import { insertRanked, type Ranked } from '../domain/ranking.js';

/** The best k seen so far, and the score a newcomer must beat. */
export class TopKCollector {
  readonly list: Ranked[] = [];
  /** The list holds k (fields, not getters: read once per candidate on the hot path). */
  full = false;
  /**
   * The k-th score; while not full, `floor`: the least score that can be
   * kept (the minimum score, since a score is never below its base).
   */
  threshold: number;

  constructor(
    readonly k: number,
    floor = Number.NEGATIVE_INFINITY,
  ) {
    this.threshold = floor;
  }

  offer(id: string, score: number): void {
    if (score < 0) return;
    if (this.full && score < this.threshold) return;
    insertRanked(this.list, { id, score }, this.k);
    if (this.list.length >= this.k) {
      this.full = true;
      this.threshold = this.list[this.k - 1]!.score;
    }
  }

  /** No candidate bounded by `bound` can enter any more. */
  closedTo(bound: number): boolean {
    return this.threshold > bound;
  }
}
