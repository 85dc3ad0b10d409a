import { Schema, type Connection, type Model } from 'mongoose';
import { JOBFAIR_KINDS, type JobFairDocs, type JobFairKind } from '../domain/jobfair-projections.js';
import type { JobFairSink } from '../use-cases/jobfairs.js';
import { saveMany } from '@ketnoi/service-kit';

const options = { versionKey: false, strict: false } as const;

/**
 * The fair projections, one collection per kind, loaded whole at start and
 * replaced by `_id`, or a batch's documents inserted (new) and replaced (known)
 * together (one writer: the consumer).
 */
export class JobFairStore implements JobFairSink {
  private readonly models: Record<JobFairKind, Model<{ _id: string }>>;

  constructor(connection: Connection) {
    this.models = Object.fromEntries(
      JOBFAIR_KINDS.map((kind) => [kind, connection.model<{ _id: string }>(`JobFair_${kind}`, new Schema({ _id: String }, { ...options, collection: kind }))]),
    ) as Record<JobFairKind, Model<{ _id: string }>>;
  }

  async load<K extends JobFairKind>(kind: K): Promise<JobFairDocs[K][]> {
    return this.models[kind].find().lean<JobFairDocs[K][]>();
  }

  async save<K extends JobFairKind>(kind: K, doc: JobFairDocs[K]): Promise<void> {
    await this.models[kind].replaceOne({ _id: doc._id }, doc, { upsert: true });
  }

  async saveMany<K extends JobFairKind>(kind: K, docs: readonly JobFairDocs[K][], isNew: (id: string) => boolean): Promise<void> {
    await saveMany(this.models[kind], docs, isNew);
  }
}
