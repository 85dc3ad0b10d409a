import type { MatchProjection } from '../domain/projections.js';

/**
 * A match as stored: its `_id` and the rest as one JSON text. Matches are the
 * projection written ~50 times per vacancy, and FerretDB converts a document
 * field by field: two fields cost it about 40% less than four. The groups
 * that replace an erased worker's id (`traits`, rare) stay a field of their
 * own, as the erasure wrote them before. Documents stored field by field
 * before still load.
 */
export interface MatchRecord {
  _id: string;
  match: string;
  traits?: string[];
}

export const toMatchRecord = ({ _id, traits, ...rest }: MatchProjection): MatchRecord =>
  traits === undefined ? { _id, match: JSON.stringify(rest) } : { _id, match: JSON.stringify(rest), traits };

export const isMatchRecord = (stored: object): stored is MatchRecord => typeof (stored as { match?: unknown }).match === 'string';

export const fromMatchRecord = ({ _id, match, traits }: MatchRecord): MatchProjection => ({
  _id,
  ...(JSON.parse(match) as Omit<MatchProjection, '_id' | 'traits'>),
  ...(traits === undefined ? {} : { traits }),
});
