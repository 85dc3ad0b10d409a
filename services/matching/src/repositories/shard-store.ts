import { unpackDocument } from '@ketnoi/service-kit';
import { deflateSync, inflateSync } from 'node:zlib';
import { Schema, type Connection, type Model } from 'mongoose';
import type { Announced } from '../domain/diff-top-k.js';
import { stored } from './projection-store.js';
import type { ShardListData } from '../sharding/topics.js';
import { outboxId } from './outbox-id.js';

/** A vacancy as one shard last applied it (each shard keeps its own, so its state is a function of its own input). */
export interface ShardVacancyDoc {
  _id: string;
  shard: number;
  vacancyId: string;
  version: number;
  snapshot: Record<string, unknown>;
}

/** How many times a shard has been (re)built: raised by each new owner. */
export interface ShardEpochDoc {
  _id: string;
  epoch: number;
}

/** The merge stage's state of one vacancy: each shard's latest list, and what was announced. */
export interface MergedDoc {
  _id: string;
  partition: number;
  lists: ShardListData[];
  announced: Announced[];
}

/** How far one shard is with one re-match job (sharded mode: the job's instance sums them). */
export interface RematchShardDoc {
  _id: string;
  jobId: string;
  shard: number;
  vacancies: number;
  done: number;
  changed: number;
  events: number;
  state: 'running' | 'done' | 'failed' | 'cancelled';
}

/** What a merge batch announces, recorded before it is sent (as one instance records its batches). */
export interface MergeRecord {
  events: Record<string, unknown>[];
  merged: MergedDoc[];
}

const options = { versionKey: false, strict: false } as const;
const outboxOf = (partition: number) => `merge_outbox_${partition}`;

/** Collections of the sharded mode, keyed by `_id` and written by the one owner of the shard or merge partition. */
export class ShardStore {
  readonly vacancies: Model<ShardVacancyDoc>;
  readonly epochs: Model<ShardEpochDoc>;
  readonly merged: Model<MergedDoc>;
  readonly rematches: Model<RematchShardDoc>;

  constructor(private readonly connection: Connection) {
    this.vacancies = connection.model<ShardVacancyDoc>('ShardVacancy', new Schema({ _id: String }, { ...options, collection: 'shard_vacancies' }));
    this.epochs = connection.model<ShardEpochDoc>('ShardEpoch', new Schema({ _id: String }, { ...options, collection: 'shard_epochs' }));
    this.merged = connection.model<MergedDoc>('Merged', new Schema({ _id: String }, { ...options, collection: 'merged' }));
    this.rematches = connection.model<RematchShardDoc>('RematchShard', new Schema({ _id: String }, { ...options, collection: 'rematch_shards' }));
  }

  /** A vacancy as the shards last applied it (each has its own view), newest version first; by `_id` only. */
  async vacancyViews(vacancyId: string, shards: number): Promise<ShardVacancyDoc[]> {
    const docs = await Promise.all(Array.from({ length: shards }, (_, shard) => this.vacancies.findById(`${shard}:${vacancyId}`).lean<Record<string, unknown> & { _id: string }>()));
    return docs.flatMap((doc) => (doc ? [unpackDocument<ShardVacancyDoc>(doc)] : [])).sort((a, b) => b.version - a.version);
  }

  /** One shard's vacancies (a scan), snapshots parsed. */
  async *vacancyDocs(shard: number): AsyncGenerator<ShardVacancyDoc> {
    for await (const doc of this.vacancies.find({ shard }).lean<Record<string, unknown> & { _id: string }>().cursor({ batchSize: 5000 })) yield unpackDocument<ShardVacancyDoc>(doc);
  }

  async saveRematch(doc: Omit<RematchShardDoc, '_id'>): Promise<void> {
    const _id = `${doc.jobId}:${doc.shard}`;
    await this.rematches.replaceOne({ _id }, { _id, ...doc }, { upsert: true });
  }

  /** Each shard's progress with a job, by `_id` (absent: the shard has not read the request yet). */
  async rematchProgress(jobId: string, shards: number): Promise<(RematchShardDoc | null)[]> {
    return Promise.all(Array.from({ length: shards }, (_, shard) => this.rematches.findById(`${jobId}:${shard}`).lean()));
  }

  /** The next epoch of a shard, recorded before the shard speaks with it. */
  async nextEpoch(shard: number): Promise<number> {
    const held = await this.epochs.findById(String(shard)).lean();
    const epoch = (held?.epoch ?? 0) + 1;
    await this.epochs.replaceOne({ _id: String(shard) }, { _id: String(shard), epoch }, { upsert: true });
    return epoch;
  }

  async saveVacancies(docs: readonly ShardVacancyDoc[]): Promise<void> {
    if (docs.length === 0) return;
    await this.vacancies.bulkWrite(docs.map((doc) => ({ replaceOne: { filter: { _id: doc._id }, replacement: stored(doc) as ShardVacancyDoc, upsert: true } })), { ordered: false });
  }

  /**
   * Records a merge batch of a partition: one insert into that partition's
   * own outbox collection (deflated JSON), emptied once the batch is
   * written, so no instance ever deletes another's records.
   */
  async record(partition: number, record: MergeRecord): Promise<void> {
    await this.connection.collection(outboxOf(partition)).insertOne({ _id: outboxId(), data: deflateSync(JSON.stringify(record)).toString('base64') } as never);
  }

  /** The partition's records of batches cut short, oldest first. */
  async recorded(partition: number): Promise<MergeRecord[]> {
    const docs = await this.connection.collection<{ _id: string; data: string }>(outboxOf(partition)).find({}).sort({ _id: 1 }).toArray();
    return docs.map((doc) => JSON.parse(inflateSync(Buffer.from(doc.data, 'base64')).toString('utf8')) as MergeRecord);
  }

  /** As ProjectionStore.forgetAll, for the partition's own outbox. */
  async forgetAll(partition: number): Promise<void> {
    await this.connection.collection(outboxOf(partition)).deleteMany({});
  }

  async saveMerged(docs: readonly MergedDoc[]): Promise<void> {
    if (docs.length === 0) return;
    await this.merged.bulkWrite(docs.map((doc) => ({ replaceOne: { filter: { _id: doc._id }, replacement: doc, upsert: true } })), { ordered: false });
  }
}
