import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { KnownCodes } from '../core/check-references.js';
import { PACKAGED_DATA_DIR } from '../core/data-dir.js';
import type { ListId } from '../core/list-ids.js';
import { listDefinition } from '../core/list-registry.js';
import { loadListFromCsv } from '../core/load-list-from-csv.js';
import { listVersion, readManifest, writeManifest, type ManifestEntry } from '../core/manifest.js';
import { listLoader } from '../core/reference-data.js';
import { rowError, type RowError } from '../core/row-error.js';
import { checkDependents } from './check-dependents.js';
import { nextVersion } from './next-version.js';

export interface ReplaceRequest {
  /** The data folder to write to: the packaged data/ or a deployment's REFERENCE_DATA_DIR. */
  readonly dir: string;
  readonly list: ListId;
  readonly csvText: string;
  /** The replacement file's name, quoted in the default source text. */
  readonly fileName: string;
  readonly version?: string;
  readonly source?: string;
  readonly today?: Date;
}

export type ReplaceOutcome =
  | { readonly ok: true; readonly rows: number; readonly entry: ManifestEntry; readonly previous?: ManifestEntry }
  | { readonly ok: false; readonly errors: readonly RowError[] };

/**
 * Validates an official replacement for one list and, only if it passes,
 * copies it into the data folder and records its version and source in that
 * folder's manifest. A folder other than the packaged data/ becomes (or
 * stays) an overlay: lists it does not name still come from the package.
 */
export function replaceList(request: ReplaceRequest): ReplaceOutcome {
  const dir = resolve(request.dir);
  const isPackaged = dir === resolve(PACKAGED_DATA_DIR);
  const manifest = readManifest(dir) ?? { lists: {} };
  const loader = listLoader(isPackaged || !existsSync(join(dir, 'manifest.json')) ? {} : { dir });

  const references: KnownCodes = {};
  for (const reference of listDefinition(request.list).references ?? []) {
    if (reference.list !== request.list) references[reference.list] = new Set(loader.list(reference.list).items.map((row) => row.code));
  }
  const loaded = loadListFromCsv(request.list, request.csvText, { references });
  if (!loaded.ok) return loaded;
  const dependents = checkDependents(request.list, new Set(loaded.rows.map((row) => row.code)), loader);
  if (dependents.length > 0) return { ok: false, errors: dependents };

  const previous = manifest.lists[request.list] ?? readManifest(PACKAGED_DATA_DIR)?.lists[request.list];
  const today = request.today ?? new Date();
  const version = request.version ?? nextVersion(previous?.version, today);
  if (!listVersion.safeParse(version).success) {
    return { ok: false, errors: [rowError(0, null, `version ${version} is not of the form 2026.1`)] };
  }
  const entry: ManifestEntry = {
    version,
    file: previous?.file ?? `${request.list}.csv`,
    source: request.source ?? `Replacement file ${request.fileName}, loaded ${today.toISOString().slice(0, 10)}`,
    // Keep a source note only where it lives beside the list (maintainers update it with the data).
    ...(previous?.sourceNote && existsSync(join(dir, previous.sourceNote)) ? { sourceNote: previous.sourceNote } : {}),
  };
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, entry.file), request.csvText.normalize('NFC'));
  writeManifest(dir, { lists: { ...manifest.lists, [request.list]: entry } });
  return { ok: true, rows: loaded.rows.length, entry, ...(previous ? { previous } : {}) };
}
