import writeXlsxFile from 'write-excel-file/node';
import { describe, expect, it } from 'vitest';
import { cellsByField, mapColumns, readTable } from '../../src/index.js';

const aliases = {
  fullName: ['Họ và tên', 'Họ tên', 'Full name'],
  dateOfBirth: ['Ngày sinh', 'Date of birth'],
  phone: ['Số điện thoại', 'SĐT', 'Phone'],
} as const;

describe('readTable', () => {
  it('reads a CSV with a BOM, semicolons and Vietnamese headers, numbering rows as a person sees them', async () => {
    const csv = '\uFEFFHọ và tên;Ngày sinh;SĐT;Ghi chú\nNguyễn Văn An;2001-02-03;0912345678;\n;;;\n"Lò Thị, Mai";1999-09-09;;mới\n';
    const table = await readTable(Buffer.from(csv), 'text/csv');
    expect(table.headers).toEqual(['Họ và tên', 'Ngày sinh', 'SĐT', 'Ghi chú']);
    expect(table.rows.map((r) => r.rowNumber)).toEqual([2, 4]);
    expect(table.rows[1]!.cells['Họ và tên']).toBe('Lò Thị, Mai');
  });

  it('reads the first sheet of an XLSX file, dates as ISO days', async () => {
    const data = [
      [{ value: 'Ho va ten' }, { value: 'Ngay sinh' }, { value: 'So dien thoai' }],
      [{ value: 'Đặng Thị Hoa' }, { value: new Date(Date.UTC(2000, 0, 31)), type: Date, format: 'yyyy-mm-dd' }, { value: '0387654321' }],
    ];
    const buffer = await writeXlsxFile(data).toBuffer();
    const table = await readTable(buffer);
    expect(table.rows).toEqual([{ rowNumber: 2, cells: { 'Ho va ten': 'Đặng Thị Hoa', 'Ngay sinh': '2000-01-31', 'So dien thoai': '0387654321' } }]);
  });

  it('refuses what is neither CSV nor XLSX', async () => {
    await expect(readTable(Buffer.from('%PDF-1.7'), 'application/pdf')).rejects.toMatchObject({ status: 415 });
  });

  it('answers a body that is not a file with 400 or 415, not a crash', async () => {
    await expect(readTable(undefined)).rejects.toMatchObject({ status: 400 });
    await expect(readTable(Buffer.alloc(0), 'text/csv')).rejects.toMatchObject({ status: 400, message: 'The file is empty' });
    await expect(readTable({ rows: [] }, 'application/json')).rejects.toMatchObject({ status: 415 });
    await expect(readTable('a,b', 'text/csv')).rejects.toMatchObject({ status: 400 });
  });
});

describe('mapColumns', () => {
  it('matches headers with or without diacritics and reports the rest', async () => {
    const table = await readTable(Buffer.from('HỌ VÀ TÊN,ngay sinh,Phone,Quê quán\nA,2001-01-01,,Thái Nguyên\n'), 'text/csv');
    const mapping = mapColumns(table, aliases);
    expect(mapping.columns).toEqual({ fullName: 'HỌ VÀ TÊN', dateOfBirth: 'ngay sinh', phone: 'Phone' });
    expect(mapping.unknown).toEqual(['Quê quán']);
    expect(cellsByField(table.rows[0]!.cells, mapping)).toEqual({ fullName: 'A', dateOfBirth: '2001-01-01' });
  });
});
