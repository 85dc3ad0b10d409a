import { insertRanked, type Ranked } from '../domain/ranking.js';

/** The best k seen so far, and the score a newcomer must beat. */
export class TopKCollector {
  readonly list: Ranked[] = [];
  constructor(readonly k: number) {}

  get full(): boolean {
    return this.list.length >= this.k;
  }

  /** The k-th score, or -Infinity while not full. */
  get threshold(): number {
    return this.full ? this.list[this.k - 1]!.score : Number.NEGATIVE_INFINITY;
  }

  offer(id: string, score: number): void {
    if (score < 0) return;
    if (this.full && score < this.threshold) return;
    insertRanked(this.list, { id, score }, this.k);
  }

  /** No candidate bounded by `bound` can enter any more. */
  closedTo(bound: number): boolean {
    return this.full && this.threshold > bound;
  }
}
