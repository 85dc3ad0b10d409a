import { Schema, type Connection, type Model } from 'mongoose';
import { saveMany } from '@ketnoi/service-kit';
import type { MatchProjection } from '../domain/projections.js';
import { PROJECTION_KINDS, type ProjectionDocs, type ProjectionKind, type ProjectionSink } from '../use-cases/projections.js';
import { fromMatchRecord, isMatchRecord, toMatchRecord } from './match-record.js';

type Stored = { _id: string };

/** A document as stored: a match as a `MatchRecord`, every other kind as it is. */
const stored = <K extends ProjectionKind>(kind: K, doc: ProjectionDocs[K]): Stored => (kind === 'matches' ? toMatchRecord(doc as MatchProjection) : doc);

/** A stored document as memory holds it (a match stored field by field, as before, reads as it is). */
const held = <K extends ProjectionKind>(kind: K, doc: Stored): ProjectionDocs[K] =>
  (kind === 'matches' && isMatchRecord(doc) ? fromMatchRecord(doc) : doc) as ProjectionDocs[K];

const options = { versionKey: false, strict: false } as const;

/**
 * The projections, one collection per kind, keyed by `_id` and written only
 * by the one consumer that applies their events (FerretDB 1.24 neither
 * isolates concurrent updates nor indexes other filters well): loaded whole
 * at start, then replaced by `_id` — a batch's documents inserted (new) or
 * replaced (known) together, one or two round trips per collection. Matches
 * are stored as one JSON text each (`MatchRecord`).
 */
export class ProjectionStore implements ProjectionSink {
  private readonly models: Record<ProjectionKind, Model<{ _id: string }>>;

  constructor(connection: Connection) {
    this.models = Object.fromEntries(
      PROJECTION_KINDS.map((kind) => [kind, connection.model<{ _id: string }>(`Projection_${kind}`, new Schema({ _id: String }, { ...options, collection: kind }))]),
    ) as Record<ProjectionKind, Model<{ _id: string }>>;
  }

  async load<K extends ProjectionKind>(kind: K): Promise<ProjectionDocs[K][]> {
    return (await this.models[kind].find().lean<Stored[]>()).map((doc) => held(kind, doc));
  }

  async save<K extends ProjectionKind>(kind: K, doc: ProjectionDocs[K]): Promise<void> {
    await this.models[kind].replaceOne({ _id: doc._id }, stored(kind, doc), { upsert: true });
  }

  async saveMany<K extends ProjectionKind>(kind: K, docs: readonly ProjectionDocs[K][], isNew: (id: string) => boolean): Promise<void> {
    await saveMany(this.models[kind], docs.map((doc) => stored(kind, doc)), isNew);
  }
}
