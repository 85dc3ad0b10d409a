import type { MatchScored, matchWithdrawn, VacancySnapshot, WorkerSnapshot } from '@ketnoi/contracts';
import { isDuplicateKey } from '@ketnoi/errors';
import { Schema, type Connection, type Model } from 'mongoose';
import type { PriorityGroups } from '../domain/model.js';
import type { MatchView } from '../domain/ranking.js';
import type { z } from 'zod';

type MatchWithdrawn = z.infer<typeof matchWithdrawn>;

/** What the fairs need of a worker (from workers.v1): no personal data. */
export interface WorkerView {
  workerId: string;
  version: number;
  status: WorkerSnapshot['status'];
  consentToMatching: boolean;
  priority: PriorityGroups;
  /** Shown to a booth's employer only after the worker agreed to share. */
  profile: {
    qualification: WorkerSnapshot['qualification'];
    experienceYears: number;
    communeCode: string;
    desiredOccupations: string[];
    skills: string[];
    languages: WorkerSnapshot['languages'];
  };
}

export interface VacancyView {
  vacancyId: string;
  version: number;
  employerId: string;
  title: string;
  status: VacancySnapshot['status'];
}

interface MatchDoc extends MatchView {
  vacancyId: string;
  workerId: string;
  at: string;
  /** Where the event was on its partition: orders two events of one pair with the same `at`. */
  seq: number;
  withdrawn?: boolean;
}

type Stored<T> = T & { _id: string };
type AnyDoc = Stored<Record<string, unknown>>;

const insertOnly = (connection: Connection, name: string) =>
  connection.model(name, new Schema({ _id: String }, { versionKey: false, minimize: false, strict: false }), name);

/** Inserts a projection document; one already there (a redelivered event) is fine. */
async function insert(model: Model<AnyDoc>, doc: AnyDoc): Promise<void> {
  try {
    await model.create(doc);
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
}

/**
 * The projections of workers.v1, vacancies.v1 and matches.v1 this service
 * ranks with, kept in memory. They are written insert-only (FerretDB scans
 * the collection for every update or delete, even by `_id`): one document
 * per worker or vacancy version (`<id>:<version>`) and per match event
 * (`<partition>:<offset>`), folded to the latest at start.
 */
export class Projections {
  readonly workers = new Map<string, WorkerView>();
  readonly vacancies = new Map<string, VacancyView>();
  private readonly matches = new Map<string, Map<string, MatchDoc>>();
  private readonly workerVersions = new Map<string, number>();
  /** The last match event applied per (vacancy, worker), withdrawals included. */
  private readonly latest = new Map<string, MatchDoc>();
  private readonly workerModel: Model<AnyDoc>;
  private readonly vacancyModel: Model<AnyDoc>;
  private readonly matchModel: Model<AnyDoc>;

  constructor(connection: Connection) {
    this.workerModel = insertOnly(connection, 'worker_projection') as unknown as Model<AnyDoc>;
    this.vacancyModel = insertOnly(connection, 'vacancy_projection') as unknown as Model<AnyDoc>;
    this.matchModel = insertOnly(connection, 'match_projection') as unknown as Model<AnyDoc>;
  }

  async load(): Promise<void> {
    const workers = (await this.workerModel.find().lean()) as unknown as Stored<(WorkerView & { erased?: false }) | { workerId: string; version: number; erased: true }>[];
    for (const doc of workers.sort((a, b) => a.version - b.version)) {
      if (doc.erased) this.forget(doc.workerId, doc.version);
      else this.rememberWorker(strip(doc) as WorkerView);
    }
    const vacancies = (await this.vacancyModel.find().lean()) as unknown as Stored<VacancyView>[];
    for (const doc of vacancies.sort((a, b) => a.version - b.version)) this.vacancies.set(doc.vacancyId, strip(doc));
    const matches = (await this.matchModel.find().lean()) as unknown as Stored<MatchDoc>[];
    for (const doc of matches.sort((a, b) => a.at.localeCompare(b.at) || a.seq - b.seq)) this.rememberMatch(strip(doc));
  }

  match(vacancyId: string, workerId: string): MatchView | undefined {
    return this.matches.get(vacancyId)?.get(workerId);
  }

  /** Applies a worker version; false when it (or a later one) was already applied. */
  async putWorker(view: WorkerView): Promise<boolean> {
    if ((this.workerVersions.get(view.workerId) ?? 0) >= view.version) return false;
    await insert(this.workerModel, { ...view, _id: `${view.workerId}:${view.version}` });
    this.rememberWorker(view);
    return true;
  }

  async eraseWorker(workerId: string, version: number): Promise<boolean> {
    if ((this.workerVersions.get(workerId) ?? 0) >= version) return false;
    await insert(this.workerModel, { _id: `${workerId}:${version}`, workerId, version, erased: true });
    this.forget(workerId, version);
    return true;
  }

  async putVacancy(view: VacancyView): Promise<boolean> {
    if ((this.vacancies.get(view.vacancyId)?.version ?? 0) >= view.version) return false;
    await insert(this.vacancyModel, { ...view, _id: `${view.vacancyId}:${view.version}` });
    this.vacancies.set(view.vacancyId, view);
    return true;
  }

  /** Applies a proposed or updated match unless a later one is already there. */
  async putMatch(event: MatchScored, partition: number, offset: string): Promise<boolean> {
    const doc: MatchDoc = {
      matchId: event.matchId,
      vacancyId: event.vacancyId,
      workerId: event.workerId,
      score: event.score,
      rank: event.rank,
      factors: event.factors,
      at: event.at,
      seq: Number(offset),
    };
    return this.applyMatch(doc, partition);
  }

  async withdrawMatch(event: MatchWithdrawn, partition: number, offset: string): Promise<boolean> {
    const { matchId, vacancyId, workerId, at } = event;
    return this.applyMatch({ matchId, vacancyId, workerId, at, seq: Number(offset), score: 0, rank: 0, factors: [], withdrawn: true }, partition);
  }

  private async applyMatch(doc: MatchDoc, partition: number): Promise<boolean> {
    const known = this.latest.get(`${doc.vacancyId}:${doc.workerId}`);
    if (known && (known.at > doc.at || (known.at === doc.at && known.seq >= doc.seq))) return false;
    await insert(this.matchModel, { ...doc, _id: `${partition}:${doc.seq}` });
    this.rememberMatch(doc);
    return true;
  }

  private rememberMatch(doc: MatchDoc): void {
    this.latest.set(`${doc.vacancyId}:${doc.workerId}`, doc);
    let byWorker = this.matches.get(doc.vacancyId);
    if (!byWorker) this.matches.set(doc.vacancyId, (byWorker = new Map()));
    const erased = !this.workers.has(doc.workerId) && this.workerVersions.has(doc.workerId);
    if (doc.withdrawn || erased) byWorker.delete(doc.workerId);
    else byWorker.set(doc.workerId, doc);
  }

  private rememberWorker(view: WorkerView): void {
    this.workers.set(view.workerId, view);
    this.workerVersions.set(view.workerId, view.version);
  }

  /** An erased worker: no data kept, their matches dropped; the version stays so older events are ignored. */
  private forget(workerId: string, version: number): void {
    this.workers.delete(workerId);
    this.workerVersions.set(workerId, version);
    for (const byWorker of this.matches.values()) byWorker.delete(workerId);
  }
}

function strip<T extends { _id: string }>(doc: T): Omit<T, '_id'> {
  const { _id, ...rest } = doc;
  void _id;
  return rest;
}
