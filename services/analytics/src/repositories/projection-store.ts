import { Schema, type Connection, type Model } from 'mongoose';
import type { PlacementProjection, VacancyProjection, WorkerProjection } from '../domain/projections.js';

const options = { versionKey: false, strict: false } as const;

/**
 * The projections, keyed by `_id` and written only by the one consumer that
 * applies their events (FerretDB 1.24 neither isolates concurrent updates nor
 * indexes other filters well): loaded whole at start, then replaced by `_id`.
 */
export class ProjectionStore {
  readonly workers: Model<WorkerProjection>;
  readonly vacancies: Model<VacancyProjection>;
  readonly placements: Model<PlacementProjection>;

  constructor(connection: Connection) {
    this.workers = connection.model<WorkerProjection>('Worker', new Schema({ _id: String }, { ...options, collection: 'workers' }));
    this.vacancies = connection.model<VacancyProjection>('Vacancy', new Schema({ _id: String }, { ...options, collection: 'vacancies' }));
    this.placements = connection.model<PlacementProjection>('Placement', new Schema({ _id: String }, { ...options, collection: 'placements' }));
  }

  async loadWorkers(): Promise<WorkerProjection[]> {
    return this.workers.find().lean<WorkerProjection[]>();
  }

  async loadVacancies(): Promise<VacancyProjection[]> {
    return this.vacancies.find().lean<VacancyProjection[]>();
  }

  async loadPlacements(): Promise<PlacementProjection[]> {
    return this.placements.find().lean<PlacementProjection[]>();
  }

  async saveWorker(doc: WorkerProjection): Promise<void> {
    await this.workers.replaceOne({ _id: doc._id }, doc, { upsert: true });
  }

  async saveVacancy(doc: VacancyProjection): Promise<void> {
    await this.vacancies.replaceOne({ _id: doc._id }, doc, { upsert: true });
  }

  async savePlacement(doc: PlacementProjection): Promise<void> {
    await this.placements.replaceOne({ _id: doc._id }, doc, { upsert: true });
  }
}
