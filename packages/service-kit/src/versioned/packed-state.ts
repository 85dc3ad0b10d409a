/**
 * FerretDB converts a document field by field, so a state's nested objects
 * (a profile with skills, wishes, work history) cost most of a write and a
 * read: 500 worker-sized versions took 0.8–2.4 s to insert nested, 0.1–0.4 s
 * with the nested part as one JSON text (`bench/versioned-store.ts`).
 *
 * A state is stored as its scalar and scalar-array fields, kept as they are
 * (so filters and `$set` on them still work, e.g. `state.hiredWorkerIds`),
 * plus one JSON text holding every field whose value is an object or an
 * array of objects made of plain JSON values. A field holding anything JSON
 * would change (a Date, a Buffer, `undefined`, NaN, a class instance) stays
 * as it is too, so a state reads back exactly as it was saved.
 */
export interface PackedState {
  kept: Record<string, unknown>;
  /** JSON of the packed fields; undefined when there are none. */
  packed: string | undefined;
}

const isPlainObject = (value: object): boolean => {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
};

/** True when JSON.parse(JSON.stringify(value)) gives the value back exactly. */
export function isPlainJson(value: unknown, depth = 0): boolean {
  if (depth > 64) return false;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.every((item) => isPlainJson(item, depth + 1));
  if (!isPlainObject(value)) return false;
  return Object.values(value).every((item) => isPlainJson(item, depth + 1));
}

const holdsObjects = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && (!Array.isArray(value) || value.some((item) => typeof item === 'object' && item !== null));

/**
 * Splits a state into the fields kept as they are and the packed JSON of the
 * rest. `scalars`: scalar fields are packed too (every plain JSON field that
 * `keep` does not keep), for a store nobody filters or updates by them.
 */
export function packState(state: object, keep: (field: string) => boolean = () => false, scalars = false): PackedState {
  const kept: Record<string, unknown> = {};
  const packed: Record<string, unknown> = {};
  let any = false;
  for (const [field, value] of Object.entries(state)) {
    if (!keep(field) && (scalars || holdsObjects(value)) && isPlainJson(value)) {
      packed[field] = value;
      any = true;
    } else kept[field] = value;
  }
  return { kept, packed: any ? JSON.stringify(packed) : undefined };
}

/** The state again: packed fields first, then the kept ones (which win, being the ones a later `$set` may have changed). */
export function unpackState(kept: unknown, packed: unknown): Record<string, unknown> {
  const fields = (kept ?? {}) as Record<string, unknown>;
  if (typeof packed !== 'string') return fields;
  return { ...(JSON.parse(packed) as Record<string, unknown>), ...fields };
}
