import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  LIST_DEFINITIONS,
  LIST_IDS,
  createReferenceData,
  loadListFromCsv,
  nextVersion,
  readManifest,
  referenceData,
  replaceList,
  writeListCsv,
  type KnownCodes,
} from '../../src/index.js';
import { thrown } from './thrown.js';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures', name), 'utf8');
const tempDir = () => mkdtempSync(join(tmpdir(), 'reference-data-'));
const today = new Date('2026-11-26T00:00:00Z');

/** Codes of the packaged lists a list refers to. */
function knownCodes(id: (typeof LIST_IDS)[number]): KnownCodes {
  const known: KnownCodes = {};
  for (const reference of LIST_DEFINITIONS[id].references ?? []) {
    known[reference.list] = new Set(referenceData.list(reference.list).items.map((row) => row.code));
  }
  return known;
}

describe('CSV replacement', () => {
  it('round-trips every list: written to CSV and read back, it is the same list', () => {
    for (const id of LIST_IDS) {
      const items = referenceData.list(id).items;
      const loaded = loadListFromCsv(id, writeListCsv(id, items), { references: knownCodes(id) });
      expect(loaded.ok, id).toBe(true);
      if (loaded.ok) expect(loaded.rows, id).toEqual(items);
    }
  });

  it('reports each bad row with its row, column and reason', () => {
    const result = loadListFromCsv('skills', fixture('skills-bad.csv'), { references: knownCodes('skills') });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const found = result.errors.map((error) => `${error.row}:${error.column ?? '-'}`);
    expect(found).toEqual(
      expect.arrayContaining(['4:code', '5:code', '6:parents', '7:esco_uri', '7:isco_hint', '8:-', '9:kind']),
    );
    expect(result.errors.find((error) => error.row === 4)?.reason).toMatch(/duplicate code mig-welding \(first at row 3\)/);
    expect(result.errors.find((error) => error.row === 6)?.reason).toMatch(/weldng is not a code of skills/);
  });

  it('refuses a file with missing columns, no rows, or a cycle of parents', () => {
    const noColumn = loadListFromCsv('ethnic-groups', 'code,label_vi\n01,Kinh\n');
    expect(noColumn.ok ? [] : noColumn.errors).toEqual([{ row: 1, column: 'label_en', reason: 'missing column' }]);
    expect(loadListFromCsv('languages', 'code,label_en,label_vi\n').ok).toBe(false);
    const cycle = 'code,kind,label_en,label_vi,parents,related,esco_uri,isco_hint\na,skill,A,A,b,,,\nb,skill,B,B,a,,,\n';
    const cyclic = loadListFromCsv('skills', cycle);
    expect(cyclic.ok ? [] : cyclic.errors.map((error) => error.reason)).toEqual([expect.stringMatching(/cycle/)]);
  });

  it('checks the rules of a list: ISCO levels and parents, coordinates inside the province', () => {
    const occupations = loadListFromCsv('occupations', 'code,level,parent,label_en,label_vi,vsco_code,vsco_label_vi\n7,major,,A,A,,\n72,minor,7,B,B,,\n');
    expect(occupations.ok ? [] : occupations.errors.map((error) => `${error.row}:${error.column}`)).toEqual(['3:level']);
    const communes = loadListFromCsv('communes', 'code,name,type,former_district_codes,lat,lon\n05443,Phan Đình Phùng,ward,164,105.834,21.5887\n');
    expect(communes.ok ? [] : communes.errors.map((error) => error.reason)).toEqual([expect.stringMatching(/outside the province/)]);
  });

  it('loads a small occupations fixture', () => {
    const result = loadListFromCsv('occupations', fixture('occupations-small.csv'));
    expect(result.ok && result.rows.map((row) => row.code)).toEqual(['7', '72', '721', '7212', '7213', '722', '7223', '8', '82', '821', '8212']);
  });

  it('copies a valid file into a deployment folder and bumps the version there', () => {
    const dir = tempDir();
    const parks = 'code,name,kind,commune_code,lat,lon\nyen-binh,Yên Bình,industrial-park,05890,21.432,105.905\nnew-park,Khu mới,industrial-park,05860,21.43,105.87\n';
    const outcome = replaceList({ dir, list: 'industrial-parks', csvText: parks, fileName: 'kcn.csv', today });
    expect(outcome).toMatchObject({ ok: true, rows: 2, entry: { version: '2026.2', file: 'industrial-parks.csv' } });
    expect(readManifest(dir)?.lists['industrial-parks']?.source).toBe('Replacement file kcn.csv, loaded 2026-11-26');

    const deployed = createReferenceData({ dir });
    expect(deployed.list('industrial-parks').items.map((row) => row.code)).toEqual(['yen-binh', 'new-park']);
    expect(deployed.list('industrial-parks').version).toBe('2026.2');
    expect(deployed.list('communes').items).toHaveLength(92);
    expect(deployed.distanceKm('new-park', '05860')).toBeLessThan(2);

    const again = replaceList({ dir, list: 'industrial-parks', csvText: parks, fileName: 'kcn.csv', version: '2027.1', source: 'Ban quản lý KCN', today });
    expect(again).toMatchObject({ ok: true, entry: { version: '2027.1', source: 'Ban quản lý KCN' }, previous: { version: '2026.2' } });
  });

  it('refuses a file that breaks the lists pointing into it, and writes nothing', () => {
    const dir = tempDir();
    const outcome = replaceList({ dir, list: 'occupations', csvText: fixture('occupations-small.csv'), fileName: 'isco.csv', today });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.errors[0]?.reason).toMatch(/skills .* uses occupations code \d{4}, which the new file lacks/);
    expect(existsSync(join(dir, 'manifest.json'))).toBe(false);
  });

  it('validates lists across a deployment folder at first use', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'occupations.csv'), fixture('occupations-small.csv'));
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ lists: { occupations: { version: '2026.3', file: 'occupations.csv', source: 'test fixture' } } }));
    const deployed = createReferenceData({ dir });
    expect(deployed.occupationSimilarity('7212', '7213')).toBe(0.75);
    expect(thrown(() => deployed.list('skills'))?.code).toBe('REFERENCE_DATA_INVALID');
    expect(thrown(() => createReferenceData({ dir: tempDir() }).list('vsic'))?.code).toBe('REFERENCE_DATA_INVALID');
  });

  it('numbers versions by year', () => {
    expect(nextVersion('2026.1', today)).toBe('2026.2');
    expect(nextVersion('2026.1-provisional', today)).toBe('2026.2');
    expect(nextVersion('2025.4', today)).toBe('2026.1');
    expect(nextVersion(undefined, today)).toBe('2026.1');
  });
});
