import { languageCode, languageLevel as contractLanguageLevel, qualification } from '@ketnoi/contracts';
import { describe, expect, it } from 'vitest';
import { referenceData } from '../../src/index.js';

const { list, meetsLanguageLevel } = referenceData;

describe('ethnic groups', () => {
  it('are exactly the 54 groups coded 01 to 54', () => {
    const codes = list('ethnic-groups').items.map((row) => row.code);
    expect(codes).toEqual(Array.from({ length: 54 }, (_, i) => String(i + 1).padStart(2, '0')));
    const first = list('ethnic-groups').items.slice(0, 9).map((row) => row.label_vi);
    expect(first).toEqual(['Kinh', 'Tày', 'Thái', 'Hoa', 'Khơ-me', 'Mường', 'Nùng', 'Mông', 'Dao']);
  });
});

describe('CCCD province codes', () => {
  it('cover the 63 provinces before 2025 and map them to the 34 after', () => {
    const provinces = list('cccd-provinces');
    expect(provinces.items).toHaveLength(63);
    expect(new Set(provinces.items.map((row) => row.province_2025)).size).toBe(34);
    expect(provinces.get('001')?.label_vi).toBe('Hà Nội');
    expect(provinces.get('019')?.label_vi).toBe('Thái Nguyên');
    expect(provinces.get('006')).toMatchObject({ label_vi: 'Bắc Kạn', province_2025: 'Thái Nguyên' });
    expect(provinces.get('079')?.label_vi).toBe('Hồ Chí Minh');
  });
});

describe('qualification and education levels', () => {
  it('use exactly the qualification codes of the contracts', () => {
    expect(list('qualification-levels').items.map((row) => row.code)).toEqual(qualification.options);
    const ranks = list('qualification-levels').items.map((row) => row.rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it('rank general education from none to upper secondary', () => {
    expect(list('education-levels').items.map((row) => row.code)).toEqual(['none', 'primary', 'lower-secondary', 'upper-secondary']);
  });
});

describe('languages', () => {
  it('use exactly the language codes of the contracts', () => {
    expect(list('languages').items.map((row) => row.code)).toEqual(languageCode.options);
  });

  it('write CEFR, TOPIK, JLPT, HSK and self-declared levels in the contracts form', () => {
    const shared = list('language-levels').items.filter((row) => ['cefr', 'topik', 'jlpt', 'hsk', 'general'].includes(row.scheme));
    for (const row of shared) expect(contractLanguageLevel.safeParse(row.code).success, row.code).toBe(true);
  });

  it('compare levels within a scheme by its order', () => {
    expect(meetsLanguageLevel('TOPIK4', 'TOPIK3')).toBe(true);
    expect(meetsLanguageLevel('TOPIK2', 'TOPIK3')).toBe(false);
    expect(meetsLanguageLevel('N2', 'N3')).toBe(true);
    expect(meetsLanguageLevel('N4', 'N3')).toBe(false);
    expect(meetsLanguageLevel('HSK5', 'HSK4')).toBe(true);
    expect(meetsLanguageLevel('IELTS6.5', 'IELTS6.0')).toBe(true);
  });

  it('compare levels across schemes through CEFR', () => {
    expect(meetsLanguageLevel('IELTS6.5', 'B2')).toBe(true);
    expect(meetsLanguageLevel('IELTS5.0', 'B2')).toBe(false);
    expect(meetsLanguageLevel('TOEIC785', 'B1')).toBe(true);
    expect(meetsLanguageLevel('native', 'C1')).toBe(true);
    expect(meetsLanguageLevel('basic', 'TOPIK3')).toBe(false);
  });

  it('treat a missing requirement as met and a missing level as not meeting one', () => {
    expect(meetsLanguageLevel(undefined, undefined)).toBe(true);
    expect(meetsLanguageLevel('A1', '')).toBe(true);
    expect(meetsLanguageLevel(undefined, 'A1')).toBe(false);
  });
});
