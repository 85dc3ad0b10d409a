import { saveMany } from '@ketnoi/service-kit';
import type { Model } from 'mongoose';

export interface Versioned {
  id: string;
  version: number;
}

/**
 * Applies versions of projected documents in order, each true when newer than
 * the stored one (or an earlier one of the list) and not `refused`: one read
 * of the stored versions, then service-kit's `saveMany` (one insert of the
 * documents not stored yet — most: a first version — and one bulk replace of
 * the others). One by one, or as upserts, each cost FerretDB a query and a
 * write. `docOf` leaves out a field rather than set it undefined (the
 * insert goes through the driver, which would store null).
 */
export async function applyNewest<T extends Versioned, D extends { _id: string }>(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  model: Model<any>,
  items: readonly T[],
  docOf: (item: T) => D,
  refused: ReadonlySet<string> = new Set(),
): Promise<boolean[]> {
  const ids = [...new Set(items.map((item) => item.id))];
  const stored = ids.length === 0 ? [] : await model.find({ _id: { $in: ids } }).select({ version: 1 }).lean<{ _id: string; version: number }[]>();
  const versions = new Map(stored.map((doc) => [doc._id, doc.version]));
  const newest = new Map<string, T>();
  const applied = items.map((item) => {
    if (refused.has(item.id) || (versions.get(item.id) ?? Number.NEGATIVE_INFINITY) >= item.version) return false;
    versions.set(item.id, item.version);
    newest.set(item.id, item);
    return true;
  });
  const existing = new Set(stored.map((doc) => doc._id));
  await saveMany(model, [...newest.values()].map(docOf), (id) => !existing.has(id));
  return applied;
}
