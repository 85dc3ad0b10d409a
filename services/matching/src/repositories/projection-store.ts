import { Schema, type Connection, type Model } from 'mongoose';

/** A worker as last applied: the snapshot (none once erased) and its version. */
export interface WorkerDoc {
  _id: string;
  version: number;
  erased?: boolean;
  /** A hire was recorded while this version was current. */
  placed?: boolean;
  snapshot?: Record<string, unknown>;
}

export interface VacancyDoc {
  _id: string;
  version: number;
  snapshot: Record<string, unknown>;
}

export interface PlacementDoc {
  _id: string;
  version: number;
}

/** One document per vacancy with its current top-K, so a restart does not re-announce. */
export interface MatchListDoc {
  _id: string;
  scoringVersion: string;
  /** Rank order; `score` is the current one, `published*` what consumers last heard. */
  entries: { workerId: string; score: number; publishedScore?: number; publishedRank?: number }[];
  updatedAt: Date;
}

const loose = { _id: String, version: Number } as const;
const options = { versionKey: false, strict: false } as const;

/**
 * The service's own collections, all keyed by `_id` and written by the one
 * consumer that owns the key (FerretDB 1.24 neither isolates concurrent
 * updates nor indexes other filters well): load everything at start, then
 * upsert by `_id` only.
 */
export class ProjectionStore {
  readonly workers: Model<WorkerDoc>;
  readonly vacancies: Model<VacancyDoc>;
  readonly placements: Model<PlacementDoc>;
  readonly matches: Model<MatchListDoc>;

  constructor(connection: Connection) {
    this.workers = connection.model<WorkerDoc>('Worker', new Schema(loose, { ...options, collection: 'workers' }));
    this.vacancies = connection.model<VacancyDoc>('Vacancy', new Schema(loose, { ...options, collection: 'vacancies' }));
    this.placements = connection.model<PlacementDoc>('Placement', new Schema(loose, { ...options, collection: 'placements' }));
    this.matches = connection.model<MatchListDoc>('MatchList', new Schema({ _id: String }, { ...options, collection: 'matches' }));
  }

  async saveWorker(doc: WorkerDoc): Promise<void> {
    await this.workers.replaceOne({ _id: doc._id }, doc, { upsert: true });
  }

  async saveVacancy(doc: VacancyDoc): Promise<void> {
    await this.vacancies.replaceOne({ _id: doc._id }, doc, { upsert: true });
  }

  async savePlacement(doc: PlacementDoc): Promise<void> {
    await this.placements.replaceOne({ _id: doc._id }, doc, { upsert: true });
  }

  async saveMatches(doc: MatchListDoc): Promise<void> {
    if (doc.entries.length === 0) await this.matches.deleteOne({ _id: doc._id });
    else await this.matches.replaceOne({ _id: doc._id }, doc, { upsert: true });
  }
}
