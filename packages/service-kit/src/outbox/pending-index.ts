import { randomUUID } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { isDuplicateKey } from '@ketnoi/errors';
import { Schema, type Model } from 'mongoose';
import { insertNew } from '../store/insert-new.js';
import { withOutbox, type PendingEvent } from './outbox-fields.js';
import { markSettled, type SettledMarker } from './settled-markers.js';

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
  /**
   * A batch entry: `[versionId, events][]` as JSON text, deflated (`batchBytes`; entries written
   * before that: the text itself). Read with `entryVersions`.
   */
  batch?: string | Uint8Array | { buffer: Uint8Array };
  /**
   * A batch entry written before its versions. It stays so: its writer settles it with a marker
   * (`settled-markers.ts`); entries settled before markers existed lost the flag instead.
   */
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

/**
 * A batch entry's versions and events, deflated: FerretDB's cost of a
 * document follows its size at every step (the insert, each read, and the
 * delete, which reads the document first), and a batch's JSON, where every
 * event repeats the same keys and most values, deflates about tenfold.
 * Measured (`bench/batch-entry.ts`, 20 entries of 1,000 events, 0.5 MB of
 * JSON each): FerretDB's CPU for their inserts, reads and deletes 2.0 s
 * as text against 0.26 s deflated; the writer's and relay's own CPU about
 * the same (level 1 deflating costs about what sending the text did).
 */
export const batchBytes = (versions: readonly EntryVersion[]): Buffer =>
  deflateRawSync(JSON.stringify(versions.map(({ id, events }) => [id, events])), { level: 1 });

/** A batch entry's JSON text, however it was stored: deflated bytes (a Buffer, or the driver's Binary) or, from older builds, the text. */
function batchText(batch: NonNullable<PendingDoc['batch']>): string {
  if (typeof batch === 'string') return batch;
  return inflateRawSync(batch instanceof Uint8Array ? batch : batch.buffer).toString('utf8');
}

const pendingSchema = new Schema<PendingDoc>(
  { _id: String, order: Number, events: { type: Schema.Types.Mixed, set: asJsonText }, at: Date, batch: Schema.Types.Mixed, tentative: Boolean },
  { versionKey: false, minimize: false },
);

/** The versions of a pending-index entry as read (`lean`) with their events, in any stored form. */
export function entryVersions(doc: Pick<PendingDoc, '_id' | 'events' | 'batch'>): EntryVersion[] {
  if (doc.batch !== undefined) return (JSON.parse(batchText(doc.batch)) as [string, PendingEvent[]][]).map(([id, events]) => ({ id, events }));
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

/**
 * Inserts a version with its events, then its pending-index entry. `beside`:
 * other writes that need only the version stored (a head), sent with the
 * entry instead of after it: one round trip less. Both are waited for, the
 * first failure thrown. The version is stored as given, through the driver
 * (no casting, defaults or setters; a field left undefined is not stored):
 * mongoose's document, validation and save (which builds an error with a
 * stack trace on every save, for parallel saves) cost more of a request's CPU
 * than the insert itself.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function insertVersion(versions: Model<any>, doc: VersionWithOutbox & Record<string, unknown>, beside?: () => Promise<void>): Promise<void> {
  await versions.collection.insertOne({ ...doc, ...withOutbox(doc.outbox) } as never, { ignoreUndefined: true });
  // The other writes first: through mongoose, they take longer to reach the wire than the entry through the driver.
  const results = await Promise.allSettled([...(beside ? [beside()] : []), indexVersion(versions, doc)]);
  for (const result of results) if (result.status === 'rejected') throw result.reason;
}

/** Who hears of the entries written for a versions collection in this process (its relay). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const indexWatchers = new WeakMap<Model<any>, (entry: PendingDoc) => void>();

/**
 * Tells `watcher` of every entry this process writes for `versions` (as
 * written, events not yet as text), once it is stored. One watcher per
 * collection: the last set. Returns the call that stops it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function watchIndex(versions: Model<any>, watcher: (entry: PendingDoc) => void): () => void {
  indexWatchers.set(versions, watcher);
  return () => {
    if (indexWatchers.get(versions) === watcher) indexWatchers.delete(versions);
  };
}

/** An entry as stored, through the driver (as `pendingSchema`'s setter would store it); then its watcher hears of it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const insertEntry = async (versions: Model<any>, entry: PendingDoc): Promise<void> => {
  await pendingModelFor(versions).collection.insertOne({ ...entry, events: asJsonText(entry.events) } as never, { ignoreUndefined: true });
  indexWatchers.get(versions)?.(entry);
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function indexVersion(versions: Model<any>, doc: VersionWithOutbox): Promise<void> {
  if (doc.outbox.length === 0) return;
  try {
    await insertEntry(versions, { _id: doc._id, order: doc.version, events: doc.outbox, at: doc.at ?? new Date() });
  } catch (error) {
    // A recovery pass may have indexed the version first: the entry is there either way.
    if (!isDuplicateKey(error)) throw error;
  }
}

/**
 * Inserts many versions with their events (unordered); returns the indexes of
 * the versions that were there already (a retried write). Their events go in
 * one batch entry of the pending index, written before the versions (which
 * keep no outbox) and settled after (`openBatchEntry`): the relay reads and
 * deletes one entry and marks nothing, where an outbox and an index entry per
 * version cost a bulk mark of every version once published (on FerretDB an
 * update statement per version). The events of versions that were there
 * already are left out (they went with the first write). The entry's order
 * is the highest version among them, so the relay's order is kept as with an
 * entry per version. The versions are stored as given (through the driver: no
 * casting, defaults or setters; leave a field out rather than undefined).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function insertVersions(versions: Model<any>, docs: readonly (VersionWithOutbox & Record<string, unknown>)[]): Promise<Set<number>> {
  const withEvents = docs.filter((doc) => doc.outbox.length > 0);
  const opened = withEvents.map((doc) => ({ id: doc._id, events: doc.outbox }));
  const order = Math.max(1, ...withEvents.map((doc) => doc.version));
  // Real time, not the versions' (a writer's clock may be set back): the relay's grace for a tentative entry counts from it.
  const at = entryTime();
  const entry = opened.length > 0 ? await openBatchEntry(versions, opened, at, order) : undefined;
  const stored = docs.map((doc) => ({ ...doc, ...withOutbox([]) }));
  // Through the driver: with no outbox to convert, mongoose's documents (casting, validation, defaults) were most of the insert's CPU.
  const taken = await insertNew(versions.collection, stored);
  if (entry !== undefined) {
    const created = new Set(stored.filter((doc) => !taken.has(doc)).map((doc) => doc._id));
    await settleBatchEntry(versions, entry, opened, opened.filter((version) => created.has(version.id)), at, order);
  }
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

let lastEntryAt = 0;
/**
 * Now, and strictly after the last entry this process timed: the relay reads
 * entries with later versions by `at`, then `order`, so two calls of one
 * writer in the same millisecond (a version 1 in the first, its version 2 in
 * the second, both of order 2) must not tie.
 */
const entryTime = (): Date => {
  lastEntryAt = Math.max(Date.now(), lastEntryAt + 1);
  return new Date(lastEntryAt);
};

const batchEntry = (versions: readonly EntryVersion[], at: Date, tentative: boolean, order: number): PendingDoc => ({
  _id: `batch:${randomUUID()}`,
  order,
  events: [],
  batch: batchBytes(versions),
  at,
  ...(tentative ? { tentative } : {}),
});

/**
 * The first step of writing a batch of new versions without an outbox in
 * each (`order`: the highest version among them; 1, first versions, lets
 * the relay read in natural order): one
 * pending entry holding all their events, tentative, written *before* the
 * versions, so that a crash between the writes loses no event. The versions
 * are then inserted with empty outboxes and `settleBatchEntry` settles it
 * (with a marker beside it: the entry itself is never rewritten). Against an
 * outbox per version and an index entry per version, the relay reads and
 * deletes one entry instead of hundreds, and marks
 * nothing afterwards (marking was the largest cost of draining a bulk
 * import on FerretDB: 2.4 s per 5,000 versions on SQLite). The relay
 * publishes a tentative entry only once its writer is late (see OutboxRelay).
 * Returns the entry's id.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function openBatchEntry(versions: Model<any>, entries: readonly EntryVersion[], at: Date, order = 1): Promise<string> {
  const entry = batchEntry(entries, at, true, order);
  await insertEntry(versions, entry);
  return entry._id;
}

/**
 * Makes a tentative batch entry final once its versions are written: `created`
 * are those inserted (the others existed: a redelivery, whose events went
 * out with the first attempt). The entry is left as written (an update would
 * make FerretDB rewrite all its events) and a small settled marker beside it
 * names the versions to leave out (`markSettled`). If the relay took the
 * entry over meanwhile (its writer looked dead), the created versions' events
 * are entered again: some may go out twice, none is lost.
 */
export async function settleBatchEntry(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  versions: Model<any>,
  entryId: string,
  opened: readonly EntryVersion[],
  created: readonly EntryVersion[],
  at: Date,
  order = 1,
): Promise<void> {
  const pending = pendingModelFor(versions);
  if (created.length > 0) {
    const kept = new Set(created.map((version) => version.id));
    if (await markSettled(versions, entryId, opened.filter((version) => !kept.has(version.id)).map((version) => version.id))) return;
    await insertEntry(versions, batchEntry(created, at, false, order));
  }
  await pending.deleteOne({ _id: entryId });
}

/**
 * The versions of a tentative batch entry its writer settled: all but those
 * its marker leaves out. (Entries settled before markers, by `$unset`, are
 * not tentative: read with `entryVersions`.)
 */
export function settledVersions(entry: Pick<PendingDoc, '_id' | 'events' | 'batch'>, marker: Pick<SettledMarker, 'leave'>): EntryVersion[] {
  const leave = new Set(marker.leave ?? []);
  return entryVersions(entry).filter((version) => !leave.has(version.id));
}
