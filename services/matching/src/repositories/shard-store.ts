import { deflateSync, inflateSync } from 'node:zlib';
import { Schema, type Connection, type Model } from 'mongoose';
import type { Announced } from '../domain/diff-top-k.js';
import type { ShardListData } from '../sharding/topics.js';

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

/** What a merge batch announces, recorded before it is sent (as one instance records its batches). */
export interface MergeRecord {
  events: Record<string, unknown>[];
  merged: MergedDoc[];
}

const options = { versionKey: false, strict: false } as const;
const outboxOf = (partition: number) => `merge_outbox_${partition}`;
let recordedSeq = 0;

/** Collections of the sharded mode, keyed by `_id` and written by the one owner of the shard or merge partition. */
export class ShardStore {
  readonly vacancies: Model<ShardVacancyDoc>;
  readonly epochs: Model<ShardEpochDoc>;
  readonly merged: Model<MergedDoc>;

  constructor(private readonly connection: Connection) {
    this.vacancies = connection.model<ShardVacancyDoc>('ShardVacancy', new Schema({ _id: String }, { ...options, collection: 'shard_vacancies' }));
    this.epochs = connection.model<ShardEpochDoc>('ShardEpoch', new Schema({ _id: String }, { ...options, collection: 'shard_epochs' }));
    this.merged = connection.model<MergedDoc>('Merged', new Schema({ _id: String }, { ...options, collection: 'merged' }));
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
    await this.vacancies.bulkWrite(docs.map((doc) => ({ replaceOne: { filter: { _id: doc._id }, replacement: doc, upsert: true } })), { ordered: false });
  }

  /**
   * Records a merge batch of a partition: one insert into that partition's
   * own outbox collection (deflated JSON), which is dropped once the batch
   * is written, so no instance ever deletes another's records.
   */
  async record(partition: number, record: MergeRecord): Promise<void> {
    const _id = `${String(Date.now()).padStart(15, '0')}-${String((recordedSeq += 1)).padStart(9, '0')}`;
    await this.connection.collection(outboxOf(partition)).insertOne({ _id, data: deflateSync(JSON.stringify(record)).toString('base64') } as never);
  }

  /** The partition's records of batches cut short, oldest first. */
  async recorded(partition: number): Promise<MergeRecord[]> {
    const docs = await this.connection.collection<{ _id: string; data: string }>(outboxOf(partition)).find({}).sort({ _id: 1 }).toArray();
    return docs.map((doc) => JSON.parse(inflateSync(Buffer.from(doc.data, 'base64')).toString('utf8')) as MergeRecord);
  }

  async forgetAll(partition: number): Promise<void> {
    await this.connection
      .collection(outboxOf(partition))
      .drop()
      .catch((error: unknown) => {
        if ((error as { codeName?: string }).codeName !== 'NamespaceNotFound') throw error;
      });
  }

  async saveMerged(docs: readonly MergedDoc[]): Promise<void> {
    if (docs.length === 0) return;
    await this.merged.bulkWrite(docs.map((doc) => ({ replaceOne: { filter: { _id: doc._id }, replacement: doc, upsert: true } })), { ordered: false });
  }
}
