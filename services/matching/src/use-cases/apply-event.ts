import { compileVacancy } from '../domain/compile-vacancy.js';
import { compileWorker } from '../domain/compile-worker.js';
import { WORKER_FLAGS } from '../domain/model.js';
import type { ReferenceTables } from '../domain/reference-tables.js';
import type { MatchEngine } from '../engine/match-engine.js';
import type { MatchingEvent } from './matching-event.js';
import type { OwedWrites } from './owed-writes.js';
import type { TouchedLists } from './touched-lists.js';
import type { VersionsSeen } from './versions-seen.js';

export type Applied = 'applied' | 'duplicate';

const AVAILABLE = WORKER_FLAGS.looking | WORKER_FLAGS.consent;

/** The versions of the batch in hand, per kind of aggregate. */
export interface Seen {
  workers: VersionsSeen;
  vacancies: VersionsSeen;
  placements: VersionsSeen;
}

/** What applying an event changes: the engine, and what is owed to the collections and to consumers. */
export interface ApplyState {
  engine: MatchEngine;
  tables: ReferenceTables;
  seen: Seen;
  touched: TouchedLists;
  owed: OwedWrites;
  /**
   * Hires recorded before the worker they name was seen (the topics are
   * consumed in no fixed order). A hire holds for the worker's version current
   * when it was recorded, so the first version to arrive takes the mark; a
   * newer version releases the worker, as for any hire.
   */
  hiredUnseen: Set<string>;
}

/** Applies one event in memory, once per version; the lists it changed are touched, the documents to write owed. */
export function applyEvent({ engine, tables, seen, touched, owed, hiredUnseen }: ApplyState, event: MatchingEvent): Applied {
  switch (event.kind) {
    case 'worker': {
      const { snapshot } = event;
      if (!seen.workers.take(snapshot.workerId, snapshot.version)) return 'duplicate';
      const placed = hiredUnseen.delete(snapshot.workerId);
      const worker = compileWorker(snapshot, tables, placed);
      const available = (worker.flags & (AVAILABLE | WORKER_FLAGS.placed)) === AVAILABLE;
      const changes = engine.upsertWorker(worker);
      touched.add(changes, (id) => (id === snapshot.workerId && !available ? (placed ? 'placed' : 'worker-unavailable') : 'outranked'));
      owed.worker({ _id: snapshot.workerId, version: snapshot.version, snapshot, ...(placed ? { placed } : {}) });
      return 'applied';
    }
    case 'worker-erased': {
      const { workerId, version } = event;
      if (!seen.workers.take(workerId, version)) return 'duplicate';
      hiredUnseen.delete(workerId);
      touched.add(engine.removeWorker(workerId), (id) => (id === workerId ? 'worker-erased' : 'outranked'));
      owed.worker({ _id: workerId, version, erased: true });
      return 'applied';
    }
    case 'vacancy': {
      const { snapshot } = event;
      if (!seen.vacancies.take(snapshot.vacancyId, snapshot.version)) return 'duplicate';
      const vacancy = compileVacancy(snapshot, tables, engine.ctx.config);
      touched.add(engine.upsertVacancy(vacancy), () => (vacancy.open ? 'outranked' : 'vacancy-closed'));
      owed.vacancies.set(snapshot.vacancyId, { _id: snapshot.vacancyId, version: snapshot.version, snapshot });
      return 'applied';
    }
    case 'placement': {
      const { placementId, workerId, version } = event.placement;
      if (!seen.placements.take(placementId, version)) return 'duplicate';
      const worker = engine.workers.get(workerId);
      if (!worker) {
        hiredUnseen.add(workerId);
        owed.placed(workerId); // stored as a mark: the worker's first version takes it
      } else if ((worker.flags & WORKER_FLAGS.placed) === 0) {
        touched.add(engine.upsertWorker({ ...worker, flags: worker.flags | WORKER_FLAGS.placed }), (id) => (id === workerId ? 'placed' : 'outranked'));
        owed.placed(workerId);
      }
      owed.placements.set(placementId, { _id: placementId, version });
      return 'applied';
    }
  }
}
