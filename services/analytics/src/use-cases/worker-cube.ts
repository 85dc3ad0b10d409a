import type { WorkerProjection } from '../domain/projections.js';

export interface CubeEntry {
  /** One worker of the combination: every worker counted here has the same grouped attributes. */
  worker: WorkerProjection;
  count: number;
}

const comboOf = (w: WorkerProjection): string =>
  JSON.stringify([
    w.erased,
    w.status,
    w.employmentStatus,
    w.occupations,
    w.communeCode,
    w.formerDistrictCode,
    w.qualification,
    w.gender,
    w.priority,
    w.birthMonth,
    w.ageBand,
  ]);

/**
 * Workers counted by the combination of attributes the aggregates group by:
 * a million workers fall into far fewer combinations, so a report walks the
 * combinations, not the workers. Kept up to date on every change.
 */
export class WorkerCube {
  private readonly entries = new Map<string, CubeEntry>();

  /** Moves one worker from the combination of `before` (if any) to that of `after` (if any). */
  change(before: WorkerProjection | undefined, after: WorkerProjection | undefined): void {
    if (before) {
      const key = comboOf(before);
      const entry = this.entries.get(key);
      if (entry && --entry.count === 0) this.entries.delete(key);
    }
    if (!after) return;
    const key = comboOf(after);
    const entry = this.entries.get(key);
    if (entry) entry.count += 1;
    else this.entries.set(key, { worker: after, count: 1 });
  }

  get size(): number {
    return this.entries.size;
  }

  values(): IterableIterator<CubeEntry> {
    return this.entries.values();
  }
}
