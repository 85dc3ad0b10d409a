import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIST_DEFINITIONS, LIST_IDS, PACKAGED_DATA_DIR, isInProvince, listVersion, readManifest, referenceData } from '../../src/index.js';

const manifest = readManifest(PACKAGED_DATA_DIR);

const codesIn = (row: object, column: string): string[] => {
  const value = (row as Record<string, unknown>)[column];
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? (value as string[]) : [];
};

describe('packaged lists', () => {
  it('are all in the manifest with a version, a source and a source note', () => {
    for (const id of LIST_IDS) {
      const entry = manifest?.lists[id];
      expect(entry, id).toBeDefined();
      expect(listVersion.safeParse(entry?.version).success, id).toBe(true);
      expect(existsSync(join(PACKAGED_DATA_DIR, entry?.file ?? '')), id).toBe(true);
      expect(existsSync(join(PACKAGED_DATA_DIR, entry?.sourceNote ?? '')), id).toBe(true);
    }
  });

  it('are UTF-8 NFC text with a header', () => {
    for (const id of LIST_IDS) {
      const text = readFileSync(join(PACKAGED_DATA_DIR, manifest?.lists[id]?.file ?? ''), 'utf8');
      expect(text, id).toBe(text.normalize('NFC'));
      expect(text.split('\n')[0]?.split(','), id).toEqual(LIST_DEFINITIONS[id].columns);
    }
  });

  it('load, expose version and source, and have unique codes', () => {
    for (const id of LIST_IDS) {
      const list = referenceData.list(id);
      expect(list.version).toBe(manifest?.lists[id]?.version);
      expect(list.source.length).toBeGreaterThan(20);
      const codes = list.items.map((row) => row.code);
      expect(new Set(codes).size, id).toBe(codes.length);
      expect(list.get(codes[0] ?? '')).toBe(list.items[0]);
    }
  });

  it('refer only to codes that exist', () => {
    for (const id of LIST_IDS) {
      for (const reference of LIST_DEFINITIONS[id].references ?? []) {
        const target = referenceData.list(reference.list);
        for (const row of referenceData.list(id).items) {
          for (const code of codesIn(row, reference.column)) {
            expect(target.has(code), `${id} ${row.code} ${reference.column} → ${code}`).toBe(true);
          }
        }
      }
    }
  });

  it('place every commune, ward, park and cluster inside the province', () => {
    const places = [...referenceData.list('communes').items, ...referenceData.list('industrial-parks').items];
    for (const place of places) expect(isInProvince(place), `${place.code} ${place.name}`).toBe(true);
  });
});
