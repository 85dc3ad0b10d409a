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
      this.saveWorker(applyWorkerSnapshot(this.workers.get(snapshot.workerId), snapshot)),
    );
  }

  async eraseWorker(erased: { workerId: string; version: number }): Promise<ApplyOutcome> {
    return this.mutex.run(`worker:${erased.workerId}`, () => this.saveWorker(applyWorkerErased(this.workers.get(erased.workerId), erased)));
  }

  async applyVacancy(snapshot: VacancySnapshot): Promise<ApplyOutcome> {
    return this.mutex.run(`vacancy:${snapshot.vacancyId}`, async () => {
      const next = applyVacancySnapshot(this.vacancies.get(snapshot.vacancyId), snapshot);
      if (next === 'duplicate') return next;
      await this.sink.saveVacancy(next);
      this.vacancies.set(next._id, next);
      this.changed();
      return 'applied';
    });
  }

  async applyPlacement(placement: Placement): Promise<ApplyOutcome> {
    return this.mutex.run(`placement:${placement.placementId}`, async () => {
      const next = applyPlacement(this.placements.get(placement.placementId), placement);
      if (next === 'duplicate') return next;
      await this.sink.savePlacement(next);
      this.placements.set(next._id, next);
      this.changed();
      return 'applied';
    });
  }

  private async saveWorker(next: WorkerProjection | 'duplicate' | 'unknown'): Promise<ApplyOutcome> {
    if (next === 'duplicate' || next === 'unknown') return next;
    await this.sink.saveWorker(next);
    this.workers.set(next._id, next);
    this.changed();
    return 'applied';
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
