import { describe, expect, it } from 'vitest';
import { OCCUPATION_SIMILARITY_BY_SHARED_DIGITS, referenceData } from '../../src/index.js';
import { thrown } from './thrown.js';

const { ancestors, childrenOf, occupation, occupationDistance, occupationSimilarity, parentOf, unitGroups } = referenceData;

describe('occupations (ISCO-08)', () => {
  it('holds the whole ISCO-08 structure with all 436 unit groups', () => {
    const levels = referenceData.list('occupations').items.map((row) => row.level);
    expect(unitGroups()).toHaveLength(436);
    expect(levels.filter((level) => level === 'major')).toHaveLength(10);
    expect(levels.filter((level) => level === 'sub-major')).toHaveLength(43);
    expect(levels.filter((level) => level === 'minor')).toHaveLength(130);
    expect(occupation('0110')?.level).toBe('unit');
  });

  it('walks the hierarchy', () => {
    expect(parentOf('7212')?.code).toBe('721');
    expect(parentOf('7')).toBeUndefined();
    expect(ancestors('7212').map((row) => row.code)).toEqual(['721', '72', '7']);
    expect(ancestors('0110').map((row) => row.code)).toEqual(['011', '01', '0']);
    expect(childrenOf('721').map((row) => row.code)).toContain('7212');
  });

  it('scores same unit > same minor > same sub-major > same major > nothing', () => {
    const scores = [
      occupationSimilarity('7212', '7212'),
      occupationSimilarity('7212', '7213'),
      occupationSimilarity('7212', '7223'),
      occupationSimilarity('7212', '7411'),
      occupationSimilarity('7212', '8212'),
    ];
    expect(scores).toEqual([1, 0.75, 0.5, 0.25, 0]);
    expect(OCCUPATION_SIMILARITY_BY_SHARED_DIGITS).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });

  it('works for codes at any level', () => {
    expect(occupationSimilarity('72', '72')).toBe(1);
    expect(occupationSimilarity('72', '7212')).toBe(0.5);
    expect(occupationSimilarity('7', '8')).toBe(0);
    expect(occupationDistance('7212', '7212')).toBe(0);
    expect(occupationDistance('7212', '7213')).toBe(2);
    expect(occupationDistance('7212', '72')).toBe(2);
    expect(occupationDistance('7212', '8212')).toBe(8);
    expect(occupationDistance('7213', '7212')).toBe(occupationDistance('7212', '7213'));
  });

  it('refuses unknown codes', () => {
    expect(thrown(() => occupationSimilarity('7212', '9999'))?.code).toBe('NOT_FOUND');
    expect(occupation('9999')).toBeUndefined();
  });
});
