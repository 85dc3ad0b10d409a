import { resolve } from 'node:path';
import { KetNoiError } from '@ketnoi/errors';
import { PACKAGED_DATA_DIR } from './data-dir.js';
import type { ListId } from './list-ids.js';
import { readManifest, type Manifest, type ManifestEntry } from './manifest.js';

export interface ListSource {
  readonly dir: string;
  readonly entry: ManifestEntry;
}

const missingManifest = (dir: string) =>
  new KetNoiError('REFERENCE_DATA_INVALID', `no manifest.json in reference data folder ${dir}`, { details: { dir } });

/**
 * Where each list comes from. A deployment folder (REFERENCE_DATA_DIR) may
 * hold only the lists it replaced, named in its own manifest.json; every
 * other list comes from the packaged data.
 */
export function listSources(dir?: string): (id: ListId) => ListSource {
  let manifests: { overlay?: { dir: string; manifest: Manifest }; packaged: Manifest } | undefined;
  const load = () => {
    if (manifests) return manifests;
    const packaged = readManifest(PACKAGED_DATA_DIR);
    if (!packaged) throw missingManifest(PACKAGED_DATA_DIR);
    const overlayDir = dir === undefined ? undefined : resolve(dir);
    const overlay = overlayDir === undefined ? undefined : readManifest(overlayDir);
    if (overlayDir !== undefined && overlay === undefined) throw missingManifest(overlayDir);
    manifests = { packaged, ...(overlayDir && overlay ? { overlay: { dir: overlayDir, manifest: overlay } } : {}) };
    return manifests;
  };
  return (id) => {
    const { overlay, packaged } = load();
    const replaced = overlay?.manifest.lists[id];
    if (overlay && replaced) return { dir: overlay.dir, entry: replaced };
    const entry = packaged.lists[id];
    if (!entry) throw new KetNoiError('REFERENCE_DATA_INVALID', `list ${id} is not in the packaged manifest`, { details: { list: id } });
    return { dir: PACKAGED_DATA_DIR, entry };
  };
}
