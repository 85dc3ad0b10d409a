import { notFound } from '@ketnoi/errors';
import type { CodedRow } from './list-definition.js';
import type { ListId } from './list-ids.js';

/** A loaded list: its version and source as stated in the manifest, its rows, look-up by code. */
export interface ReferenceList<Row extends CodedRow> {
  readonly id: ListId;
  readonly version: string;
  readonly source: string;
  readonly items: readonly Row[];
  get(code: string): Row | undefined;
  has(code: string): boolean;
  /** The row of a code, or a NOT_FOUND KetNoiError. */
  require(code: string): Row;
}

export function referenceList<Row extends CodedRow>(
  id: ListId,
  meta: { version: string; source: string },
  rows: readonly Row[],
): ReferenceList<Row> {
  const byCode = new Map(rows.map((row) => [row.code, row]));
  const items = Object.freeze([...rows]);
  return {
    id,
    version: meta.version,
    source: meta.source,
    items,
    get: (code) => byCode.get(code),
    has: (code) => byCode.has(code),
    require: (code) => {
      const row = byCode.get(code);
      if (row === undefined) throw notFound(`${id} code ${code}`, { details: { list: id, code } });
      return row;
    },
  };
}
