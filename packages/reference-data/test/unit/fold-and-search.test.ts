import { describe, expect, it } from 'vitest';
import { fold, referenceData, searchIndex, tokens } from '../../src/index.js';

const { search } = referenceData;

describe('fold', () => {
  it('strips diacritics, maps đ to d, lowers case and collapses spaces', () => {
    expect(fold('  Thái   Nguyên ')).toBe('thai nguyen');
    expect(fold('ĐỒNG HỶ')).toBe('dong hy');
    expect(fold('Công nhân lắp ráp')).toBe('cong nhan lap rap');
    expect(fold('Thái Nguyên'.normalize('NFD'))).toBe('thai nguyen');
  });

  it('splits tokens at punctuation', () => {
    expect(tokens('Bru-Vân Kiều')).toEqual(['bru', 'van', 'kieu']);
    expect(tokens('Hàn MIG/MAG (hàn CO2)')).toEqual(['han', 'mig', 'mag', 'han', 'co2']);
  });
});

describe('search', () => {
  it('finds Thái Nguyên with and without diacritics', () => {
    for (const query of ['Thai Nguyen', 'thái nguyên', 'THAI NGUYEN']) {
      expect(search('former-districts', query)[0]?.code).toBe('164');
      expect(search('cccd-provinces', query)[0]?.code).toBe('019');
    }
  });

  it('finds communes and wards by name, with or without their type', () => {
    expect(search('communes', 'song cong')[0]?.name).toBe('Sông Công');
    expect(search('communes', 'phuong bac kan')[0]?.code).toBe('01843');
    expect(search('communes', 'dai tu')[0]?.name).toBe('Đại Từ');
  });

  it('ranks a label that starts with the query first', () => {
    expect(search('skills', 'han dien')[0]?.code).toBe('arc-welding');
    expect(search('skills', 'hàn điện')[0]?.code).toBe('arc-welding');
    expect(fold(search('occupations', 'cong nhan')[0]?.label_vi ?? '')).toMatch(/^cong nhan/);
  });

  it('ranks an exact code above label matches', () => {
    expect(search('skills', 'welding')[0]?.code).toBe('welding');
    expect(search('occupations', '7212')[0]?.code).toBe('7212');
  });

  it('matches every token as a word prefix, in any order', () => {
    const hits = search('skills', 'che bien che');
    expect(hits.map((hit) => hit.code)).toContain('tea-processing');
    expect(search('skills', 'forklift').map((hit) => hit.code)).toEqual(expect.arrayContaining(['forklift-operation', 'cert-forklift']));
    expect(search('skills', 'xyzzy')).toEqual([]);
    expect(search('skills', '   ')).toEqual([]);
  });

  it('honours the limit and accepts a loaded list', () => {
    expect(search('skills', 'han', { limit: 3 })).toHaveLength(3);
    expect(search(referenceData.list('ethnic-groups'), 'hmong')[0]?.code).toBe('08');
  });

  it('works over any rows', () => {
    const index = searchIndex([{ code: 'a', name: 'Phổ Yên' }, { code: 'b', name: 'Yên Bình' }], (row) => [row.name]);
    expect(index.search('yen').map((row) => row.code)).toEqual(['b', 'a']);
  });
});
