import { randomUUID } from 'node:crypto';
import { isDuplicateKey } from '@ketnoi/errors';
import { Schema, type Model } from 'mongoose';
import { insertNew } from '../store/insert-new.js';
import { withOutbox, type PendingEvent } from './outbox-fields.js';

/**
 * An entry of the pending index, in a collection that holds only what is
 * pending. Either one version's unpublished events (`_id` = the version's,
 * which keeps them in its outbox until the relay marks it published), or a
 * batch of new versions written together (`batch`), whose versions keep no
 * outbox: the entry is their only copy, written before them (see
 * `openBatchEntry`).
 */
export interface PendingDoc {
  _id: string;
  /** The aggregate version (1 for a batch of new versions): lower versions go out first. */
  order: number;
  /** Stored as one JSON text (entries written before that: as documents); read with `entryVersions`. */
  events: PendingEvent[] | string;
  at: Date;
  /** A batch entry: JSON text of `[versionId, events][]`. */
  batch?: string;
  /** A batch entry whose versions may not all be written yet (their writer is at work, or died). */
  tentative?: boolean;
}

/** The versions an entry holds events of, each with its events, in order. */
export interface EntryVersion {
  id: string;
  events: PendingEvent[];
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
  { _id: String, order: Number, events: { type: Schema.Types.Mixed, set: asJsonText }, at: Date, batch: String, tentative: Boolean },
  { versionKey: false, minimize: false },
);

/** The versions of a pending-index entry as read (`lean`) with their events, in any stored form. */
export function entryVersions(doc: Pick<PendingDoc, '_id' | 'events' | 'batch'>): EntryVersion[] {
  if (doc.batch !== undefined) return (JSON.parse(doc.batch) as [string, PendingEvent[]][]).map(([id, events]) => ({ id, events }));
  return [{ id: doc._id, events: typeof doc.events === 'string' ? (JSON.parse(doc.events) as PendingEvent[]) : doc.events }];
}

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

/**
 * Inserts many versions with their events (unordered), then the pending-index
 * entries of those inserted; returns the indexes of the versions that were
 * there already (a retried write), which get no entry.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function insertVersions(versions: Model<any>, docs: readonly (VersionWithOutbox & Record<string, unknown>)[]): Promise<Set<number>> {
  const stored = docs.map((doc) => ({ ...doc, ...withOutbox(doc.outbox) }));
  const taken = await insertNew(versions, stored);
  const entries = stored
    .filter((doc) => !taken.has(doc) && doc.outbox.length > 0)
    .map((doc) => ({ _id: doc._id, order: doc.version, events: doc.outbox, at: doc.at ?? new Date() }));
  // An entry a recovery pass made first is there either way.
  await insertNew(pendingModelFor(versions), entries);
  return new Set(stored.flatMap((doc, index) => (taken.has(doc) ? [index] : [])));
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
  // Entries a writer (or another relay) made meanwhile are there either way.
  return entries.length - (await insertNew(pendingModelFor(versions), entries)).size;
}

const batchEntry = (versions: readonly EntryVersion[], at: Date, tentative: boolean): PendingDoc => ({
  _id: `batch:${randomUUID()}`,
  order: 1,
  events: [],
  batch: JSON.stringify(versions.map(({ id, events }) => [id, events])),
  at,
  ...(tentative ? { tentative } : {}),
});

/**
 * The first step of writing a batch of new versions (first versions, so
 * nothing of their aggregates is older) without an outbox in each: one
 * pending entry holding all their events, tentative, written *before* the
 * versions, so that a crash between the writes loses no event. The versions
 * are then inserted with empty outboxes and `settleBatchEntry` makes the
 * entry final. Against an outbox per version and an index entry per version,
 * the relay reads and deletes one entry instead of hundreds, and marks
 * nothing afterwards (marking was the largest cost of draining a bulk
 * import on FerretDB: 2.4 s per 5,000 versions on SQLite). The relay
 * publishes a tentative entry only once its writer is late (see OutboxRelay).
 * Returns the entry's id.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function openBatchEntry(versions: Model<any>, entries: readonly EntryVersion[], at: Date): Promise<string> {
  const entry = batchEntry(entries, at, true);
  await pendingModelFor(versions).create(entry);
  return entry._id;
}

/**
 * Makes a tentative batch entry final once its versions are written: `created`
 * are those inserted (the others existed: a redelivery, whose events went
 * out with the first attempt). If the relay took the entry over meanwhile
 * (its writer looked dead), the created versions' events are entered again:
 * some may go out twice, none is lost.
 */
export async function settleBatchEntry(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  versions: Model<any>,
  entryId: string,
  opened: readonly EntryVersion[],
  created: readonly EntryVersion[],
  at: Date,
): Promise<void> {
  const pending = pendingModelFor(versions);
  if (created.length === opened.length) {
    const { matchedCount } = await pending.updateOne({ _id: entryId }, { $unset: { tentative: 1 } });
    if (matchedCount === 1) return;
  }
  if (created.length > 0) await pending.create(batchEntry(created, at, false));
  await pending.deleteOne({ _id: entryId });
}
