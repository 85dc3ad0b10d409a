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
  /** The k-th entry's id once full: a newcomer scoring exactly `threshold` enters only with a smaller one (`byRank`). */
  lastId = '';

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
      const last = this.list[this.k - 1]!;
      this.threshold = last.score;
      this.lastId = last.id;
    }
  }

  /**
   * Whether a candidate `id` whose score is at most `bound` (an exact
   * upper bound, not one raised by a margin) could still enter: its bound
   * reaches the k-th score, and when it only ties it, its id ranks first.
   */
  admits(bound: number, id: string): boolean {
    return !(bound < this.threshold) && !(this.full && bound === this.threshold && id > this.lastId);
  }

  /** No candidate bounded by `bound` can enter any more. */
  closedTo(bound: number): boolean {
    return this.threshold > bound;
  }
}
