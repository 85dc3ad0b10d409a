import { describe, expect, it } from 'vitest';
import { parseCsv, writeCsv } from '../../src/index.js';

describe('CSV', () => {
  it('reads quoted fields with commas, quotes and line breaks', () => {
    const table = parseCsv('\uFEFFcode,label\n1,"Lắp ráp, kiểm tra"\n2,"nói ""xin chào"""\n3,"hai\ndòng"\n');
    expect(table.header).toEqual(['code', 'label']);
    expect(table.records.map((record) => record.values.label)).toEqual(['Lắp ráp, kiểm tra', 'nói "xin chào"', 'hai\ndòng']);
    expect(table.records.map((record) => record.row)).toEqual([2, 3, 5]);
  });

  it('normalises to NFC and keeps short rows for the caller to report', () => {
    const table = parseCsv('code,label\n1,Thái Nguyên\n\n2\n'.normalize('NFD'));
    expect(table.records[0]?.values.label).toBe('Thái Nguyên'.normalize('NFC'));
    expect(table.records[1]).toMatchObject({ row: 4, width: 1 });
  });

  it('writes what it reads', () => {
    const records = [
      { code: '1', label: 'a, b' },
      { code: '2', label: 'say "hi"' },
      { code: '3', label: 'two\nlines' },
      { code: '4', label: '' },
    ];
    const text = writeCsv(['code', 'label'], records);
    expect(text.split('\n')[0]).toBe('code,label');
    expect(parseCsv(text).records.map((record) => record.values)).toEqual(records);
  });
});
