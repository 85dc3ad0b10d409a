import { Schema, type Connection, type Model } from 'mongoose';
import { saveMany } from '@ketnoi/service-kit';
import { PROJECTION_KINDS, type ProjectionDocs, type ProjectionKind, type ProjectionSink } from '../use-cases/projections.js';

const options = { versionKey: false, strict: false } as const;

/**
 * The projections, one collection per kind, keyed by `_id` and written only
 * by the one consumer that applies their events (FerretDB 1.24 neither
 * isolates concurrent updates nor indexes other filters well): loaded whole
 * at start, then replaced by `_id` — a batch's documents inserted (new) or
 * replaced (known) together, one or two round trips per collection.
 */
export class ProjectionStore implements ProjectionSink {
  private readonly models: Record<ProjectionKind, Model<{ _id: string }>>;

  constructor(connection: Connection) {
    this.models = Object.fromEntries(
      PROJECTION_KINDS.map((kind) => [kind, connection.model<{ _id: string }>(`Projection_${kind}`, new Schema({ _id: String }, { ...options, collection: kind }))]),
    ) as Record<ProjectionKind, Model<{ _id: string }>>;
  }

  async load<K extends ProjectionKind>(kind: K): Promise<ProjectionDocs[K][]> {
    return this.models[kind].find().lean<ProjectionDocs[K][]>();
  }

  async save<K extends ProjectionKind>(kind: K, doc: ProjectionDocs[K]): Promise<void> {
    await this.models[kind].replaceOne({ _id: doc._id }, doc, { upsert: true });
  }

  async saveMany<K extends ProjectionKind>(kind: K, docs: readonly ProjectionDocs[K][], isNew: (id: string) => boolean): Promise<void> {
    await saveMany(this.models[kind], docs, isNew);
  }
}
