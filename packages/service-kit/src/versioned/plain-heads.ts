import type { Schema } from 'mongoose';

/** The declared types whose values the driver stores as mongoose would, when already of that type. */
const SCALARS: Record<string, (value: unknown) => boolean> = {
  String: (value) => typeof value === 'string',
  Number: (value) => typeof value === 'number',
  Boolean: (value) => typeof value === 'boolean',
  Date: (value) => value instanceof Date,
};

/** Fields every head has, set by `VersionedStore` itself with the right types. */
const OWN = new Set(['_id', 'version', 'updatedAt']);

interface PathInfo {
  instance: string;
  defaultValue?: unknown;
  validators: unknown[];
  setters: unknown[];
  getters: unknown[];
}

/**
 * When a head document may go to the driver as it is: mongoose's insert
 * (a document per head: casting, defaults, validation) cost about five
 * times the driver's CPU for a worker's head (0.19 ms against 0.035 ms,
 * measured beside registration's `bench/ingest-profile.ts`), and changes
 * nothing when the schema is not strict, does not minimize, and declares
 * only scalar fields without defaults, validators (`required` is one) or
 * setters, and the head's value of each declared field is missing or of
 * its type already. Returns that check, or undefined when the schema needs
 * mongoose (any other schema).
 */
export function plainHeads(schema: Schema): ((head: Record<string, unknown>) => boolean) | undefined {
  if (schema.get('strict') !== false || schema.get('minimize') !== false || schema.get('timestamps')) return undefined;
  if (Object.keys((schema as unknown as { nested: Record<string, unknown> }).nested).length > 0) return undefined;
  const checks: [string, (value: unknown) => boolean][] = [];
  let plain = true;
  schema.eachPath((path, type) => {
    if (OWN.has(path)) return;
    const info = type as unknown as PathInfo;
    const check = SCALARS[info.instance];
    if (!check || path.includes('.') || info.defaultValue !== undefined || info.validators.length > 0 || info.setters.length > 0 || info.getters.length > 0) {
      plain = false;
      return;
    }
    checks.push([path, check]);
  });
  if (!plain) return undefined;
  return (head) => checks.every(([path, check]) => head[path] === undefined || head[path] === null || check(head[path]));
}
