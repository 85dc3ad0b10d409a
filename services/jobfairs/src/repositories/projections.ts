import { insertNew, packDocument, unpackDocument } from '@ketnoi/service-kit';
import { Schema, type Connection, type Model } from 'mongoose';
import type { MatchView } from '../domain/ranking.js';
import { BatchPlan, type ChangeOutcome, type MatchDoc, type ProjectionChange, type VacancyView, type WorkerView } from '../domain/projection-plan.js';
import { fromMatchRecord, isMatchRecord, toMatchRecord } from './match-record.js';

export type { ChangeOutcome, MatchDoc, ProjectionChange, VacancyView, WorkerView } from '../domain/projection-plan.js';

type AnyDoc = Record<string, unknown> & { _id: string };
type WorkerDoc = (WorkerView & { erased?: false }) | { workerId: string; version: number; erased: true };

const insertOnly = (connection: Connection, name: string) =>
  connection.model(name, new Schema({ _id: String }, { versionKey: false, minimize: false, strict: false }), name);

/**
 * The projections of workers.v1, vacancies.v1 and matches.v1 this service
 * ranks with, kept in memory. They are written insert-only (FerretDB scans
 * the collection for every update or delete, even by `_id`): one document
 * per worker or vacancy version (`<id>:<version>`) and per match event
 * (`<partition>:<offset>`), their nested fields as one JSON text (service-kit's `packDocument`, as heads are; a match
 * event all of it, as a `MatchRecord`), folded to the latest at start.
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
    const workers = await this.read<WorkerDoc>(this.workerModel);
    for (const doc of workers.sort((a, b) => a.version - b.version)) {
      if (doc.erased) this.forget(doc.workerId, doc.version);
      else this.rememberWorker(doc);
    }
    const vacancies = await this.read<VacancyView>(this.vacancyModel);
    for (const doc of vacancies.sort((a, b) => a.version - b.version)) this.vacancies.set(doc.vacancyId, doc);
    const matches = await this.read<MatchDoc>(this.matchModel, (doc) => (isMatchRecord(doc) ? fromMatchRecord(doc) : undefined));
    for (const doc of matches.sort((a, b) => a.at.localeCompare(b.at) || a.seq - b.seq)) this.rememberMatch(doc);
  }

  match(vacancyId: string, workerId: string): MatchView | undefined {
    return this.matches.get(vacancyId)?.get(workerId);
  }

  /**
   * Applies a batch of changes as the one-by-one methods would, in order, in
   * at most one insert per collection: each change is judged against memory
   * and the changes before it in the batch, the documents of those that apply
   * are saved, and only then is memory changed (a failed save leaves it as it
   * was, so the retried batch applies everything once). One outcome per change.
   */
  async applyBatch(changes: readonly ProjectionChange[]): Promise<ChangeOutcome[]> {
    const plan = new BatchPlan(this.workerVersions, this.vacancies, this.latest);
    const outcomes = changes.map((change) => plan.add(change));
    // Documents already there (a retried or redelivered batch) are the same documents: fine.
    await Promise.all([
      insertNew(this.workerModel.collection, plan.workerDocs.map(packDocument)),
      insertNew(this.vacancyModel.collection, plan.vacancyDocs.map(packDocument)),
      insertNew(this.matchModel.collection, plan.matchDocs.map(({ _id, ...doc }) => toMatchRecord(_id, doc as unknown as MatchDoc))),
    ]);
    for (const change of plan.applied) this.remember(change);
    return outcomes;
  }

  /** The latest state, comparable across instances (tests, the replay script). */
  state(): { workers: WorkerView[]; vacancies: VacancyView[]; workerVersions: [string, number][]; matches: MatchDoc[] } {
    const byId = <T>(map: Map<string, T>) => [...map.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, value]) => value);
    return {
      workers: byId(this.workers),
      vacancies: byId(this.vacancies),
      workerVersions: [...this.workerVersions.entries()].sort(([a], [b]) => a.localeCompare(b)),
      matches: [...this.matches.values()].flatMap((byWorker) => [...byWorker.values()]).sort((a, b) => a.matchId.localeCompare(b.matchId)),
    };
  }

  /** Every document of a collection without its `_id`: as `decode` reads it, else as `packDocument` stored it (or nested, as before). */
  private async read<T>(model: Model<AnyDoc>, decode: (doc: AnyDoc) => T | undefined = () => undefined): Promise<T[]> {
    return ((await model.find().lean()) as AnyDoc[]).map((doc) => {
      const decoded = decode(doc);
      if (decoded !== undefined) return decoded;
      const { _id, ...rest } = unpackDocument<AnyDoc>(doc);
      void _id;
      return rest as T;
    });
  }

  private remember(change: ProjectionChange): void {
    if (change.kind === 'worker') this.rememberWorker(change.view);
    else if (change.kind === 'worker-erased') this.forget(change.workerId, change.version);
    else if (change.kind === 'vacancy') this.vacancies.set(change.view.vacancyId, change.view);
    else this.rememberMatch(change.doc);
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
