import type { WorkerGroup } from './worker-group.js';
import { WorkerBlock } from './worker-extremes.js';

/**
 * Every group of one place (and priority or not), over all occupations, with
 * extremes that cover all of them. Widened as members arrive; after a group
 * has been rebuilt tighter (`loose`), recomputed from the groups when next
 * used.
 */
export class PlaceSummary extends WorkerBlock {
  readonly groups: WorkerGroup[] = [];
  /** The summary's key among OccupationGroups.places (place and priority or not). */
  readonly key: number;
  loose = false;

  constructor(place: number, key = place * 2) {
    super(place);
    this.key = key;
  }
  /** Scratch for a query: the pass (`boundPass`) that last bounded this summary, and that bound. */
  boundPass = 0;
  bound = 0;
  /** That bound for everything but the skills factor. */
  rest = 0;

  tighten(): void {
    if (!this.loose) return;
    this.clear();
    for (const group of this.groups) this.widenBy(group);
    this.loose = false;
  }
}
