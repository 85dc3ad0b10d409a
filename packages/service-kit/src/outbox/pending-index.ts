import { duplicateIndexes, isDuplicateKey } from '@ketnoi/errors';
import { Schema, type Model } from 'mongoose';
import { withOutbox, type PendingEvent } from './outbox-fields.js';

/** A copy of one version's unpublished events, in a collection that holds only what is pending. */
export interface PendingDoc {
  _id: string;
  /** The aggregate version: lower versions go out first. */
  order: number;
  /** Stored as one JSON text (entries written before that: as documents); read with `pendingEventsOf`. */
  events: PendingEvent[] | string;
  at: Date;
}

/**
 * The events are kept as one JSON text, whatever the writer passes: FerretDB
 * converts a document between BSON and PostgreSQL's jsonb field by field, so
 * nested events made the relay's reads its bottleneck. Measured on FerretDB
 * 1.24 on PostgreSQL, 3000 entries of a registration's two events: written in
 * 2.9 s as documents against 0.4 s as text, read in 7.1 s against 0.9 s.
 */
const asJsonText = (events: unknown): unknown => (typeof events === 'string' ? events : JSON.stringify(events));

const pendingSchema = new Schema<PendingDoc>(
  { _id: String, order: Number, events: { type: Schema.Types.Mixed, set: asJsonText }, at: Date },
  { versionKey: false, minimize: false },
);

/** The events of a pending-index entry as read (`lean`), in either stored form. */
export const pendingEventsOf = (doc: Pick<PendingDoc, 'events'>): PendingEvent[] =>
  typeof doc.events === 'string' ? (JSON.parse(doc.events) as PendingEvent[]) : doc.events;

/**
 * The pending index of a versions collection. FerretDB 1.x answers filters
 * other than `_id` by scanning the whole collection, so the relay reads this
 * small collection instead of searching the history. The version document's
 * embedded outbox stays the source of truth: a missing index entry (a crash
 * between the two inserts) is rebuilt by `recoverPending`.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function pendingModelFor(versions: Model<any>): Model<PendingDoc> {
  const name = `${versions.modelName}Pending`;
  return (versions.db.models[name] as Model<PendingDoc> | undefined) ?? versions.db.model<PendingDoc>(name, pendingSchema, `${versions.collection.collectionName}_pending`);
}

interface VersionWithOutbox {
  _id: string;
  version: number;
  at?: Date;
  outbox: PendingEvent[];
}

/** Inserts a version with its events, then its pending-index entry. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function insertVersion(versions: Model<any>, doc: VersionWithOutbox & Record<string, unknown>): Promise<void> {
  await versions.create({ ...doc, ...withOutbox(doc.outbox) });
  if (doc.outbox.length === 0) return;
  try {
    await pendingModelFor(versions).create({ _id: doc._id, order: doc.version, events: doc.outbox, at: doc.at ?? new Date() });
  } catch (error) {
    // A recovery pass may have indexed the version first: the entry is there either way.
    if (!isDuplicateKey(error)) throw error;
  }
}

/** Re-creates index entries for versions whose events were never published (after a crash). Returns how many. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function recoverPending(versions: Model<any>, olderThan?: Date): Promise<number> {
  // Versions younger than `olderThan` are left to their writer, which is indexing them right now.
  const filter = olderThan ? { outboxPending: true, at: { $lt: olderThan } } : { outboxPending: true };
  // The outbox as stored (JSON text, or documents in versions written before that): copied as it is.
  const unpublished = (await versions.find(filter).select({ outbox: 1, version: 1, at: 1 }).lean()) as unknown as (Omit<VersionWithOutbox, 'outbox'> & { outbox: PendingEvent[] | string })[];
  if (unpublished.length === 0) return 0;
  const entries = unpublished.map((doc) => ({ _id: doc._id, order: doc.version, events: doc.outbox, at: doc.at ?? new Date() }));
  try {
    const inserted = await pendingModelFor(versions).insertMany(entries, { ordered: false });
    return inserted.length;
  } catch (error) {
    // Entries a writer (or another relay) made meanwhile are there either way. A
    // write that failed as a whole reports no write errors: that is no success.
    return entries.length - duplicateIndexes(error, entries.length).size;
  }
}
