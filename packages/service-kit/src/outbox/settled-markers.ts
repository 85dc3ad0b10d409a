import { isDuplicateKey } from '@ketnoi/errors';
import { Schema, type Model } from 'mongoose';

/**
 * Who decided a tentative batch entry's fate, in a small document of its own
 * (`_id` = the entry's): its writer, which settles it once its versions are
 * written, or the relay, which takes it over once the writer is late. The
 * unique `_id` makes them race safely (the loser's insert is refused, an
 * atomic outcome even on FerretDB, whose updates are not): a writer refused
 * enters its events again, a relay refused publishes what the writer settled.
 *
 * Settling used to rewrite the entry (`$unset: { tentative }`): FerretDB
 * rewrites a whole document for any update, and a batch entry holds all its
 * versions' events (0.5 MB of text for 300 notifications), so the settle cost
 * as much as the entry's insert. A marker costs an insert of a few bytes.
 */
export interface SettledMarker {
  _id: string;
  /** When it was written: a marker left behind is dropped a day after. */
  at: Date;
  /** Taken over by the relay (its writer was late), not settled by its writer. */
  taken?: boolean;
  /** Versions of the entry not to publish: they existed already (a redelivery; their events went out with the first write). */
  leave?: string[];
}

const markerSchema = new Schema<SettledMarker>({ _id: String, at: Date, taken: Boolean, leave: [String] }, { versionKey: false });

/** The markers of a versions collection's pending index, in `<versions>_pending_settled`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function settledMarkersFor(versions: Model<any>): Model<SettledMarker> {
  const name = `${versions.modelName}PendingSettled`;
  return (
    (versions.db.models[name] as Model<SettledMarker> | undefined) ??
    versions.db.model<SettledMarker>(name, markerSchema, `${versions.collection.collectionName}_pending_settled`)
  );
}

/** Inserts a marker; the marker that was there instead when its `_id` was taken (undefined: inserted). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function insertMarker(versions: Model<any>, marker: SettledMarker): Promise<SettledMarker | undefined> {
  const markers = settledMarkersFor(versions);
  try {
    // Through the driver: a marker is as small as a write gets, mongoose's document would be most of its cost.
    await markers.collection.insertOne(marker as never);
    return undefined;
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    const found = (await markers.findById(marker._id).lean()) as SettledMarker | null;
    // Dropped meanwhile (a day old): whoever wrote it has long decided.
    return found ?? { _id: marker._id, at: new Date(0), taken: true };
  }
}

/** The writer's settle: true when it settled the entry, false when the relay had taken it over. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function markSettled(versions: Model<any>, entryId: string, leave: readonly string[]): Promise<boolean> {
  const found = await insertMarker(versions, { _id: entryId, at: new Date(), ...(leave.length > 0 ? { leave: [...leave] } : {}) });
  // A settled marker found is this writer's own (a retried insert): only the relay takes entries.
  return found === undefined || found.taken !== true;
}

/** The relay's take-over: undefined when it took the entry, else the marker found (its writer settled it first, or a relay took it). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function claimEntry(versions: Model<any>, entryId: string): Promise<SettledMarker | undefined> {
  return insertMarker(versions, { _id: entryId, at: new Date(), taken: true });
}

/** The markers of these entries, by entry id: one read by `_id` (FerretDB searches its index, see infra/ferretdb). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function markersOf(versions: Model<any>, entryIds: readonly string[]): Promise<Map<string, SettledMarker>> {
  if (entryIds.length === 0) return new Map();
  const found = (await settledMarkersFor(versions).find({ _id: { $in: [...entryIds] } }).lean()) as SettledMarker[];
  return new Map(found.map((marker) => [marker._id, marker]));
}

/** Drops the markers of published entries (after the entries: a marker without its entry is harmless, an entry without its marker is published again). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function dropMarkers(versions: Model<any>, entryIds: readonly string[]): Promise<void> {
  if (entryIds.length > 0) await settledMarkersFor(versions).deleteMany({ _id: { $in: [...entryIds] } });
}

/**
 * Drops markers older than `olderThan`: those of entries taken over (kept so
 * that their writer, if it comes back, learns it and enters its events again)
 * and those a crash left behind their entry. A marker whose entry is still
 * pending stays (the relay may have been down). Returns how many.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function dropOldMarkers(versions: Model<any>, pending: Model<any>, olderThan: Date): Promise<number> {
  const markers = settledMarkersFor(versions);
  // The collection holds a few markers at a time: the scan of a filter on `at` is cheap.
  const old = (await markers.find({ at: { $lt: olderThan } }).select({ _id: 1 }).lean()) as Pick<SettledMarker, '_id'>[];
  if (old.length === 0) return 0;
  const ids = old.map((marker) => marker._id);
  const live = new Set(((await pending.find({ _id: { $in: ids } }).select({ _id: 1 }).lean()) as { _id: string }[]).map((entry) => entry._id));
  const gone = ids.filter((id) => !live.has(id));
  if (gone.length > 0) await markers.deleteMany({ _id: { $in: gone } });
  return gone.length;
}
