import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { LIST_IDS } from './list-ids.js';

export const MANIFEST_FILE = 'manifest.json';

/** `2026.1`: the year a list was issued or last replaced, and a counter; `-provisional` marks unverified data. */
export const listVersion = z.string().regex(/^\d{4}\.\d+(-[a-z]+)?$/, 'a version such as 2026.1 or 2026.1-provisional');

export const manifestEntry = z.object({
  version: listVersion,
  file: z.string().regex(/^[a-z0-9-]+\.csv$/, 'a CSV file name in the same folder'),
  source: z.string().min(1),
  sourceNote: z.string().regex(/^[A-Za-z0-9.-]+\.md$/).optional(),
});

export const manifestSchema = z.object({
  lists: z.partialRecord(z.enum(LIST_IDS), manifestEntry),
});

export type ManifestEntry = z.output<typeof manifestEntry>;
export type Manifest = z.output<typeof manifestSchema>;

/** Reads a folder's manifest, or undefined when the folder has none. */
export function readManifest(dir: string): Manifest | undefined {
  const path = join(dir, MANIFEST_FILE);
  if (!existsSync(path)) return undefined;
  return manifestSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}

export function writeManifest(dir: string, manifest: Manifest): void {
  writeFileSync(join(dir, MANIFEST_FILE), `${JSON.stringify(manifestSchema.parse(manifest), null, 2)}\n`);
}
