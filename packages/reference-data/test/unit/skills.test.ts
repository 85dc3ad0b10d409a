import { describe, expect, it } from 'vitest';
import { DRIVING_LICENCE_CLASSES, SKILL_SIMILARITY, drivingLicenceCovers, referenceData } from '../../src/index.js';
import { thrown } from './thrown.js';

const { skill, skillAncestors, skillSimilarity } = referenceData;
const skills = () => referenceData.list('skills').items;

describe('skills taxonomy', () => {
  it('has a few hundred skills and certificates', () => {
    expect(skills().length).toBeGreaterThanOrEqual(250);
    expect(skills().length).toBeLessThanOrEqual(400);
    expect(skills().filter((row) => row.kind === 'certificate').length).toBeGreaterThanOrEqual(30);
  });

  it('covers the province labour market', () => {
    for (const code of ['smt-operation', 'hand-soldering', 'aoi-inspection', 'cnc-turning', 'cnc-milling', 'mig-welding', 'tig-welding',
      'arc-welding', 'plc-programming', 'industrial-sewing', 'pattern-cutting', 'garment-qc', 'tea-processing', 'forklift-operation',
      'food-safety', 'bookkeeping', 'elderly-care', 'child-care', 'tour-guiding', 'workplace-korean']) {
      expect(skill(code), code).toBeDefined();
    }
  });

  it('has every 2024 driving licence class and the six OSH training groups as certificates', () => {
    for (const code of [...DRIVING_LICENCE_CLASSES, ...[1, 2, 3, 4, 5, 6].map((group) => `osh-group-${group}`)]) {
      expect(skill(code)?.kind, code).toBe('certificate');
    }
    expect(DRIVING_LICENCE_CLASSES).toHaveLength(15);
  });

  it('uses ESCO skill URIs only in their canonical form', () => {
    const uris = skills().flatMap((row) => (row.esco_uri ? [row.esco_uri] : []));
    expect(uris.length).toBeGreaterThan(0);
    for (const uri of uris) expect(uri).toMatch(/^http:\/\/data\.europa\.eu\/esco\/skill\/[0-9a-f-]{36}$/);
    expect(skill('forklift-operation')?.esco_uri).toBe('http://data.europa.eu/esco/skill/28cb374e-6261-4133-8371-f9a5470145da');
  });

  it('lists ancestors nearest first', () => {
    expect(skillAncestors('pipe-welding').map((row) => row.code)).toEqual(['welding', 'metalwork']);
    expect(skillAncestors('electronics')).toEqual([]);
  });

  it('gives partial credit through the taxonomy', () => {
    expect(skillSimilarity('mig-welding', 'mig-welding')).toBe(SKILL_SIMILARITY.same);
    expect(skillSimilarity('welding', 'mig-welding')).toBe(0.7);
    expect(skillSimilarity('mig-welding', 'welding')).toBe(0.7);
    expect(skillSimilarity('mig-welding', 'tig-welding')).toBe(0.5);
    expect(skillSimilarity('tig-welding', 'mig-welding')).toBe(0.5);
    expect(skillSimilarity('arc-welding', 'plasma-cutting')).toBe(0.4);
    expect(skillSimilarity('mig-welding', 'tea-plucking')).toBe(0);
    expect(thrown(() => skillSimilarity('mig-welding', 'no-such-skill'))?.code).toBe('NOT_FOUND');
  });

  it('knows which driving licence classes include which', () => {
    expect(drivingLicenceCovers('driving-licence-c', 'driving-licence-b')).toBe(true);
    expect(drivingLicenceCovers('driving-licence-d', 'driving-licence-c1')).toBe(true);
    expect(drivingLicenceCovers('driving-licence-ce', 'driving-licence-b')).toBe(true);
    expect(drivingLicenceCovers('driving-licence-a', 'driving-licence-a1')).toBe(true);
    expect(drivingLicenceCovers('driving-licence-b', 'driving-licence-c')).toBe(false);
    expect(drivingLicenceCovers('driving-licence-b', 'driving-licence-a1')).toBe(false);
    expect(drivingLicenceCovers('driving-licence-b', 'driving-licence-b')).toBe(true);
  });
});
