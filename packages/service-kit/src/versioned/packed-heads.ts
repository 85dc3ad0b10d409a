import { Document, type Schema } from 'mongoose';
import { packState } from './packed-state.js';

export const PACKED_FIELD = 'stateJson';

/**
 * Which fields of a head may be packed: none when the schema is strict (it
 * stores only what it declares, so the service declared what it filters on),
 * else every field the schema does not declare. Declared fields stay at the
 * top level, so filters on them (and on their nested paths) keep working.
 */
export function headPacking(schema: Schema): ((field: string) => boolean) | undefined {
  if (schema.get('strict') !== false) return undefined;
  const declared = new Set<string>(['_id', 'version', 'updatedAt']);
  schema.eachPath((path) => declared.add(path.split('.')[0]!));
  for (const path of Object.keys((schema as unknown as { nested: Record<string, unknown> }).nested)) declared.add(path.split('.')[0]!);
  return (field) => declared.has(field);
}

/** A head as stored: the state's kept fields at the top level, the packed rest in one JSON text. */
export function packHead(head: Record<string, unknown>, keep: ((field: string) => boolean) | undefined, scalars = false): Record<string, unknown> {
  if (keep === undefined) return head;
  const { kept, packed } = packState(head, keep, scalars);
  return packed === undefined ? kept : { ...kept, [PACKED_FIELD]: packed };
}

/** Puts a stored head's packed fields back at the top level (in place: query hooks see the results themselves). */
export function unpackHead(head: unknown): void {
  if (typeof head !== 'object' || head === null) return;
  if (head instanceof Document) {
    const packed = head.get(PACKED_FIELD) as unknown;
    if (typeof packed !== 'string') return;
    for (const [field, value] of Object.entries(JSON.parse(packed) as Record<string, unknown>)) {
      if (head.get(field) === undefined) head.set(field, value, { strict: false });
    }
    head.set(PACKED_FIELD, undefined);
    return;
  }
  const doc = head as Record<string, unknown>;
  const packed = doc[PACKED_FIELD];
  if (typeof packed !== 'string') return;
  delete doc[PACKED_FIELD];
  for (const [field, value] of Object.entries(JSON.parse(packed) as Record<string, unknown>)) if (!(field in doc)) doc[field] = value;
}

/** Declares the packed field and unpacks every head a query returns, so `heads.find().lean()` reads whole states. */
export function addHeadPacking(schema: Schema): void {
  schema.add({ [PACKED_FIELD]: { type: String } });
  schema.post(['find', 'findOne', 'findOneAndUpdate', 'findOneAndReplace', 'findOneAndDelete'], (result: unknown) => {
    if (Array.isArray(result)) for (const head of result) unpackHead(head);
    else unpackHead(result);
  });
}

/**
 * Any document stored as heads are (for collections written outside a
 * VersionedStore): scalar fields as they are, every nested one in one JSON
 * text. A document stored nested before reads as it is.
 */
export const packDocument = <T extends object>(doc: T): Record<string, unknown> => packHead(doc as Record<string, unknown>, () => false);

/** A document read with `lean()` as it was saved: its packed fields back at the top level (in place). */
export function unpackDocument<T>(stored: object): T {
  unpackHead(stored);
  return stored as T;
}
