import type { PlacementDoc, VacancyDoc, WorkerDoc, WorkerWrite } from '../repositories/projection-store.js';

/**
 * Documents applied in memory but not yet written, the latest per id, so a
 * batch writes each once and a failed write is retried with whatever is
 * newest. Lists are kept as ids: their documents are taken from the engine
 * when written.
 */
export class OwedWrites {
  readonly lists = new Set<string>();
  /** Events planned but not yet recorded in the outbox (a record failed); never sent before they are. */
  unrecorded = 0;
  readonly workers = new Map<string, WorkerWrite>();
  readonly vacancies = new Map<string, VacancyDoc>();
  readonly placements = new Map<string, PlacementDoc>();
  worker(doc: WorkerDoc): void {
    this.workers.set(doc._id, { doc });
  }

  /** A hire: on the document still to be written, or on the one stored. */
  placed(workerId: string): void {
    const owed = this.workers.get(workerId);
    if (owed && 'doc' in owed) owed.doc = { ...owed.doc, placed: true };
    else this.workers.set(workerId, { placed: workerId });
  }
}
