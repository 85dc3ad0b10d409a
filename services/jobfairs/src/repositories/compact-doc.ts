import type { PlannedDoc } from '../domain/projection-plan.js';

/**
 * A projection document as stored: its `_id` and the rest as one JSON text.
 * FerretDB 1.24 converts a document field by field and keeps a schema for
 * every nested one, so a match with its array of factor objects cost it
 * several times what one string does; nothing filters the projections by a
 * field (they are read whole at start and folded in memory), so no field
 * needs to stay visible to the database.
 */
export interface CompactDoc {
  _id: string;
  data: string;
}

export const compact = ({ _id, ...rest }: PlannedDoc): CompactDoc => ({ _id, data: JSON.stringify(rest) });

/**
 * A stored projection document without its `_id`, compact or in the nested
 * shape written before compaction (a deployed database keeps those; none of
 * them has a `data` field).
 */
export function expand<T>(stored: Record<string, unknown>): T {
  const { _id, data, ...nested } = stored;
  void _id;
  return (typeof data === 'string' ? JSON.parse(data) : nested) as T;
}
