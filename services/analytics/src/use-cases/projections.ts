import type { Placement, VacancySnapshot, WorkerSnapshot } from '@ketnoi/contracts';
import { KeyedMutex } from '@ketnoi/service-kit';
import { applyPlacement } from '../domain/apply-placement.js';
import { applyVacancySnapshot } from '../domain/apply-vacancy.js';
import { applyWorkerErased, applyWorkerSnapshot } from '../domain/apply-worker.js';
import type { PlacementProjection, VacancyProjection, WorkerProjection } from '../domain/projections.js';

export type ApplyOutcome = 'applied' | 'duplicate' | 'unknown';

/** Where projections are kept durably; the in-memory maps are what aggregates read. */
export interface ProjectionSink {
  loadWorkers(): Promise<WorkerProjection[]>;
  loadVacancies(): Promise<VacancyProjection[]>;
  loadPlacements(): Promise<PlacementProjection[]>;
  saveWorker(doc: WorkerProjection): Promise<void>;
  saveVacancy(doc: VacancyProjection): Promise<void>;
  savePlacement(doc: PlacementProjection): Promise<void>;
}

/**
 * The projections in memory, saved before they change in memory (a failed
 * save leaves the event to be retried, not lost). Each event is applied once
 * per version: an older or equal version is a duplicate. Events of one
 * aggregate are applied one after another, even when they arrive together.
 */
export class Projections {
  readonly workers = new Map<string, WorkerProjection>();
  readonly vacancies = new Map<string, VacancyProjection>();
  readonly placements = new Map<string, PlacementProjection>();
  private readonly listeners: (() => void)[] = [];
  private readonly mutex = new KeyedMutex();

  constructor(private readonly sink: ProjectionSink) {}

  async load(): Promise<void> {
    for (const worker of await this.sink.loadWorkers()) this.workers.set(worker._id, worker);
    for (const vacancy of await this.sink.loadVacancies()) this.vacancies.set(vacancy._id, vacancy);
    for (const placement of await this.sink.loadPlacements()) this.placements.set(placement._id, placement);
  }

  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  async applyWorker(snapshot: WorkerSnapshot): Promise<ApplyOutcome> {
    return this.mutex.run(`worker:${snapshot.workerId}`, () =>
      this.commit(applyWorkerSnapshot(this.workers.get(snapshot.workerId), snapshot), this.workers, (doc) => this.sink.saveWorker(doc)),
    );
  }

  async eraseWorker(erased: { workerId: string; version: number }): Promise<ApplyOutcome> {
    return this.mutex.run(`worker:${erased.workerId}`, () =>
      this.commit(applyWorkerErased(this.workers.get(erased.workerId), erased), this.workers, (doc) => this.sink.saveWorker(doc)),
    );
  }

  async applyVacancy(snapshot: VacancySnapshot): Promise<ApplyOutcome> {
    return this.mutex.run(`vacancy:${snapshot.vacancyId}`, () =>
      this.commit(applyVacancySnapshot(this.vacancies.get(snapshot.vacancyId), snapshot), this.vacancies, (doc) => this.sink.saveVacancy(doc)),
    );
  }

  async applyPlacement(placement: Placement): Promise<ApplyOutcome> {
    return this.mutex.run(`placement:${placement.placementId}`, () =>
      this.commit(applyPlacement(this.placements.get(placement.placementId), placement), this.placements, (doc) => this.sink.savePlacement(doc)),
    );
  }

  /** Saves the next projection, then puts it in memory and tells the listeners. */
  private async commit<T extends { _id: string }>(
    next: T | 'duplicate' | 'unknown',
    into: Map<string, T>,
    save: (doc: T) => Promise<void>,
  ): Promise<ApplyOutcome> {
    if (next === 'duplicate' || next === 'unknown') return next;
    await save(next);
    into.set(next._id, next);
    this.changed();
    return 'applied';
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
