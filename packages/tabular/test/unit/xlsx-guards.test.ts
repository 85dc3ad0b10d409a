import writeXlsxFile from 'write-excel-file/node';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { dayOf, excelSerialDay, readTable, readXlsx, unpackedSize } from '../../src/index.js';

/** A ZIP package of one deflated entry, as any zip tool writes it (the CRC is not checked before unpacking). */
function zipOf(name: string, content: Buffer): Buffer {
  const data = deflateRawSync(content, { level: 9 });
  const file = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(content.length, 22);
  local.writeUInt16LE(file.length, 26);
  const entry = Buffer.alloc(46);
  entry.writeUInt32LE(0x02014b50, 0);
  entry.writeUInt16LE(20, 4);
  entry.writeUInt16LE(20, 6);
  entry.writeUInt16LE(8, 10);
  entry.writeUInt32LE(data.length, 20);
  entry.writeUInt32LE(content.length, 24);
  entry.writeUInt16LE(file.length, 28);
  const directoryAt = local.length + file.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(entry.length + file.length, 12);
  end.writeUInt32LE(directoryAt, 16);
  return Buffer.concat([local, file, data, entry, file, end]);
}

describe('the zip-bomb guard of XLSX', () => {
  it('adds up what a real workbook declares, and reads it', async () => {
    const buffer = await writeXlsxFile([[{ value: 'title' }], [{ value: 'Thợ may' }]]).toBuffer();
    expect(unpackedSize(buffer)).toBeGreaterThan(buffer.length);
    expect((await readXlsx(buffer)).rows).toEqual([{ rowNumber: 2, cells: { title: 'Thợ may' } }]);
  });

  it('refuses a package that unpacks past the limit before unpacking it (400)', async () => {
    const bomb = zipOf('xl/worksheets/sheet1.xml', Buffer.alloc(65 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(unpackedSize(bomb)).toBe(65 * 1024 * 1024);
    await expect(readXlsx(bomb)).rejects.toMatchObject({ status: 400, message: 'The XLSX file cannot be read: it unpacks to more than 64 MiB' });
    await expect(readTable(bomb)).rejects.toMatchObject({ status: 400 });
    // The limit is the caller's to lower.
    await expect(readXlsx(zipOf('a.xml', Buffer.alloc(2048)), 1024)).rejects.toMatchObject({ message: expect.stringContaining('more than 0 MiB') });
  });

  it('refuses what has no ZIP directory', async () => {
    expect(unpackedSize(Buffer.from('title,positions\n'))).toBeUndefined();
    await expect(readXlsx(Buffer.from('title,positions\n'))).rejects.toMatchObject({ status: 400, message: 'The XLSX file cannot be read: it is not a ZIP package' });
  });
});

describe('days in spreadsheets', () => {
  it('reads ISO days, Vietnamese DD/MM/YYYY and Excel serials', () => {
    expect(dayOf('2026-12-31')).toBe('2026-12-31');
    expect(dayOf(' 5/1/2027 ')).toBe('2027-01-05');
    expect(dayOf('46387')).toBe('2026-12-31');
    expect(excelSerialDay(61)).toBe('1900-03-01');
    expect(excelSerialDay(45352)).toBe('2024-03-01');
  });

  it('reads no impossible day, no serial before March 1900 or after 9999, and no other text', () => {
    for (const text of ['2026-02-30', '31/04/2026', '2026-13-45x', '60', '0', '2958466', '46387.5', 'mai', '']) expect(dayOf(text), text).toBeUndefined();
    expect(excelSerialDay(46387.5)).toBeUndefined();
  });
});
