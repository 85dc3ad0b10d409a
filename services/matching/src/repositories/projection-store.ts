import { insertNew, packDocument, unpackDocument } from '@ketnoi/service-kit';
import { deflateSync, inflateSync } from 'node:zlib';
import { Schema, type Connection, type Model } from 'mongoose';

/** A worker as last applied: the snapshot (none once erased) and its version. */
export interface WorkerDoc {
  _id: string;
  /** Absent (whatever the type says) on a hire's mark stored before the worker's first version: `_id` and `placed` only. */
  version: number;
  erased?: boolean;
  /** A hire was recorded while this version was current. */
  placed?: boolean;
  snapshot?: Record<string, unknown>;
  /** Sharded mode: the shard (shard-input partition) that holds the worker. */
  shard?: number;
}

export interface VacancyDoc {
  _id: string;
  version: number;
  snapshot: Record<string, unknown>;
}

export interface PlacementDoc {
  _id: string;
  version: number;
  shard?: number;
}

/** One document per vacancy with its current top-K, so a restart does not re-announce. */
export interface MatchListDoc {
  _id: string;
  scoringVersion: string;
  /** Rank order; `score` is the current one, `published*` what consumers last heard. */
  entries: { workerId: string; score: number; publishedScore?: number; publishedRank?: number }[];
  updatedAt: Date;
}

/**
 * What a batch announces, recorded before it is sent: its matches.v1 events
 * (ids fixed) and its lists as they are once those events are out. Gone
 * once the batch is written; one still there at start was cut short.
 */
export interface OutboxRecord {
  events: Record<string, unknown>[];
  lists: MatchListDoc[];
}

/** An OutboxRecord as deflated JSON in base64: FerretDB stores one string far faster than the nested documents. */
export interface OutboxDoc {
  _id: string;
  data: string;
}

/** A worker document to write: the whole of it, or only `placed: true` on the one stored, or alone if none is yet (a hire). */
export type WorkerWrite = { doc: WorkerDoc } | { placed: string; shard?: number };

/** Whether no version of a document was ever written (so it is inserted, not replaced). */
export type IsNew = (id: string) => boolean;

const loose = { _id: String, version: Number } as const;
const options = { versionKey: false, strict: false } as const;
/** Documents per round trip when a collection is read whole. */
const READ_BATCH = 5000;

/** A stored document: nested parts (snapshots, list entries) as JSON text (`packDocument`). */
type Stored<T> = Record<string, unknown> & { _id: string } & Partial<T>;

/**
 * The service's own collections, all keyed by `_id` and written by the one
 * consumer that owns the key (FerretDB 1.24 neither isolates concurrent
 * updates nor indexes other filters well): load everything at start, then
 * write by `_id` only, a batch of events' documents in one unordered
 * bulkWrite per collection (one round trip instead of one per document).
 * Snapshots and list entries are stored as JSON text (service-kit's `packDocument`): read
 * them through the methods here, not the models.
 */
export class ProjectionStore {
  readonly workers: Model<WorkerDoc>;
  readonly vacancies: Model<VacancyDoc>;
  readonly placements: Model<PlacementDoc>;
  readonly matches: Model<MatchListDoc>;
  readonly outbox: Model<OutboxDoc>;

  constructor(connection: Connection) {
    this.workers = connection.model<WorkerDoc>('Worker', new Schema(loose, { ...options, collection: 'workers' }));
    this.vacancies = connection.model<VacancyDoc>('Vacancy', new Schema(loose, { ...options, collection: 'vacancies' }));
    this.placements = connection.model<PlacementDoc>('Placement', new Schema(loose, { ...options, collection: 'placements' }));
    this.matches = connection.model<MatchListDoc>('MatchList', new Schema({ _id: String }, { ...options, collection: 'matches' }));
    this.outbox = connection.model<OutboxDoc>('MatchOutbox', new Schema({ _id: String }, { ...options, collection: 'match_outbox' }));
  }

  /** Worker documents, all or one shard's, snapshots parsed. */
  async *workerDocs(filter: { shard?: number } = {}): AsyncGenerator<WorkerDoc> {
    for await (const doc of this.workers.find(filter).lean<Stored<WorkerDoc>>().cursor({ batchSize: READ_BATCH })) yield unpackDocument<WorkerDoc>(doc);
  }

  async workerDoc(workerId: string): Promise<WorkerDoc | null> {
    const doc = await this.workers.findById(workerId).lean<Stored<WorkerDoc>>();
    return doc && unpackDocument<WorkerDoc>(doc);
  }

  async *vacancyDocs(): AsyncGenerator<VacancyDoc> {
    for await (const doc of this.vacancies.find({}).lean<Stored<VacancyDoc>>().cursor({ batchSize: READ_BATCH })) yield unpackDocument<VacancyDoc>(doc);
  }

  async *placementDocs(filter: { shard?: number } = {}): AsyncGenerator<PlacementDoc> {
    yield* this.placements.find(filter).lean().cursor({ batchSize: READ_BATCH });
  }

  async *matchLists(): AsyncGenerator<MatchListDoc> {
    for await (const doc of this.matches.find({}).lean<Stored<MatchListDoc>>().cursor({ batchSize: READ_BATCH })) yield unpackDocument<MatchListDoc>(doc);
  }

  /** One insert (no scan): the collection holds only batches not yet written. */
  async record(_id: string, record: OutboxRecord): Promise<void> {
    const doc: OutboxDoc = { _id, data: deflateSync(JSON.stringify(record)).toString('base64') };
    await this.outbox.collection.insertOne(doc as unknown as Parameters<typeof this.outbox.collection.insertOne>[0]);
  }

  /** The records of batches cut short, oldest first. */
  async recorded(): Promise<OutboxRecord[]> {
    const docs = await this.outbox.find({}).sort({ _id: 1 }).lean();
    return docs.map((doc) => {
      const record = JSON.parse(inflateSync(Buffer.from(doc.data, 'base64')).toString('utf8')) as OutboxRecord;
      return { ...record, lists: record.lists.map((list) => ({ ...list, updatedAt: new Date(list.updatedAt) })) };
    });
  }

  /**
   * Called when every recorded batch is written (batches are written one at
   * a time): the collection is emptied with one unfiltered delete. Dropping
   * it instead made each batch re-create a table, which on PostgreSQL costs
   * ~10 ms a batch against ~2.5 ms (insert then delete, p50).
   */
  async forgetAll(): Promise<void> {
    await this.outbox.collection.deleteMany({});
  }

  /**
   * Worker documents: new ones inserted together, the rest replaced together
   * (a replace costs FerretDB a scan of the collection, an insert does not),
   * or only marked placed (a hire).
   */
  async saveWorkers(writes: readonly WorkerWrite[], isNew: IsNew): Promise<void> {
    const docs = writes.flatMap((write) => ('doc' in write ? [stored(write.doc)] : []));
    const fresh = docs.filter((doc) => isNew(doc._id));
    const known = docs.filter((doc) => !isNew(doc._id));
    const placed = writes.flatMap((write) => ('placed' in write ? [write] : []));
    // A "new" one a retried write had inserted after all is replaced with the rest.
    known.push(...(await insertNew(this.workers.collection, fresh)));
    await replaceAll(
      this.workers,
      known,
      placed.map(({ placed: _id, shard }) => ({
        updateOne: { filter: { _id }, update: { $set: { placed: true, ...(shard === undefined ? {} : { shard }) } }, upsert: true },
      })),
    );
  }

  async saveVacancies(vacancies: readonly VacancyDoc[], isNew: IsNew): Promise<void> {
    const docs = vacancies.map((doc) => stored(doc));
    const known = docs.filter((doc) => !isNew(doc._id));
    known.push(...(await insertNew(this.vacancies.collection, docs.filter((doc) => isNew(doc._id)))));
    await replaceAll(this.vacancies, known);
  }

  async savePlacements(docs: readonly PlacementDoc[], isNew: IsNew): Promise<void> {
    const known = docs.filter((doc) => !isNew(doc._id));
    known.push(...(await insertNew(this.placements.collection, docs.filter((doc) => isNew(doc._id)))));
    await replaceAll(this.placements, known);
  }

  /** Lists in one round trip; an empty list is deleted. */
  async saveMatchLists(docs: readonly MatchListDoc[]): Promise<void> {
    if (docs.length === 0) return;
    await this.matches.bulkWrite(
      docs.map((doc) =>
        doc.entries.length === 0
          ? { deleteOne: { filter: { _id: doc._id } } }
          : { replaceOne: { filter: { _id: doc._id }, replacement: stored(doc) as MatchListDoc, upsert: true } },
      ),
      { ordered: false },
    );
  }
}

type WriteModel = Parameters<Model<{ _id: string }>['bulkWrite']>[0][number];

/** `doc` as stored: its nested fields (snapshot, entries) in one JSON text. */
export const stored = <T extends { _id: string }>(doc: T) => packDocument(doc) as { _id: string };

/** Replaces documents by `_id` (upserting), and runs any further operations, in one unordered bulkWrite. */
async function replaceAll<T>(model: Model<T>, docs: { _id: string }[], more: WriteModel[] = []): Promise<void> {
  const operations: WriteModel[] = [...docs.map((doc) => ({ replaceOne: { filter: { _id: doc._id }, replacement: doc, upsert: true } })), ...more];
  if (operations.length > 0) await (model as unknown as Model<{ _id: string }>).bulkWrite(operations, { ordered: false });
}
