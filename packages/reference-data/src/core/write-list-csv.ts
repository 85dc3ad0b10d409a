import { z } from 'zod';
import { writeCsv } from '../csv/write-csv.js';
import type { ListId } from './list-ids.js';
import { listDefinition, type ListRow } from './list-registry.js';

/** Writes rows of a list back to CSV through the same codecs that read them. */
export function writeListCsv<K extends ListId>(listId: K, rows: readonly ListRow<K>[]): string {
  const definition = listDefinition(listId);
  const records = rows.map((row) => z.encode(definition.schema, row) as Record<string, string>);
  return writeCsv(definition.columns, records);
}
