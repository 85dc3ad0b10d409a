import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KetNoiError } from '@ketnoi/errors';
import type { KnownCodes } from './check-references.js';
import type { ListId } from './list-ids.js';
import { listDefinition, type ListRow } from './list-registry.js';
import { listSources, type ListSource } from './list-sources.js';
import { loadListFromCsv } from './load-list-from-csv.js';
import { referenceList, type ReferenceList } from './reference-list.js';

export interface ReferenceDataOptions {
  /** A folder of replaced lists with its own manifest.json (REFERENCE_DATA_DIR); default: packaged data only. */
  readonly dir?: string;
}

/** Lists loaded lazily from one data folder (plus the packaged data), each validated at first use. */
export interface ListLoader {
  list<K extends ListId>(id: K): ReferenceList<ListRow<K>>;
  source(id: ListId): ListSource;
}

function invalid(id: ListId, source: ListSource, errors: readonly { row: number; column: string | null; reason: string }[]) {
  return new KetNoiError('REFERENCE_DATA_INVALID', `reference list ${id} (${join(source.dir, source.entry.file)}) is invalid`, {
    details: { list: id, errors: errors.slice(0, 20), count: errors.length },
  });
}

export function listLoader(options: ReferenceDataOptions = {}): ListLoader {
  const sourceOf = listSources(options.dir);
  const cache = new Map<ListId, ReferenceList<ListRow<ListId>>>();
  const loading = new Set<ListId>();

  const load = <K extends ListId>(id: K): ReferenceList<ListRow<K>> => {
    const cached = cache.get(id);
    if (cached) return cached as ReferenceList<ListRow<K>>;
    if (loading.has(id)) throw new KetNoiError('REFERENCE_DATA_INVALID', `lists refer to each other in a loop at ${id}`);
    loading.add(id);
    try {
      const source = sourceOf(id);
      const references: KnownCodes = {};
      for (const reference of listDefinition(id).references ?? []) {
        if (reference.list !== id) references[reference.list] = new Set(load(reference.list).items.map((row) => row.code));
      }
      const text = readFileSync(join(source.dir, source.entry.file), 'utf8');
      const result = loadListFromCsv(id, text, { references });
      if (!result.ok) throw invalid(id, source, result.errors);
      const list = referenceList(id, source.entry, result.rows);
      cache.set(id, list as ReferenceList<ListRow<ListId>>);
      return list;
    } finally {
      loading.delete(id);
    }
  };

  return { list: load, source: (id) => sourceOf(id) };
}
