import { vacancyTerms } from '@ketnoi/contracts';
import { describe, expect, it } from 'vitest';
import { readSheet } from '../../src/import/sheet.js';
import { mapTabularRow, unknownColumns } from '../../src/import/tabular-row.js';
import { xlsxFile } from '../xlsx-file.js';

const header = 'title,occupation_code,positions,skills,languages,commune_code,wage_min_vnd,wage_max_vnd,shifts,deadline,housing,external_ref';

describe('CSV and XLSX rows', () => {
  it('reads a CSV with BOM, quotes, Vietnamese numbers, lists and dates', async () => {
    const csv = `\uFEFF${header}\n"Thợ hàn, MIG",7212,5,"welding:must:0.9;forklift-operation:nice",ko:TOPIK2;en:B1:optional,05860,"8.000.000",10000000,day|night,31/12/2026,có,R-1\n\n`;
    const sheet = await readSheet('csv', Buffer.from(csv));
    expect(sheet.header).toEqual(header.split(','));
    expect(sheet.records).toHaveLength(1);
    const mapped = mapTabularRow(sheet.records[0]!.row, sheet.records[0]!.values);
    expect(mapped.errors).toEqual([]);
    expect(mapped).toMatchObject({ row: 2, externalRef: 'R-1' });
    expect(mapped.terms).toMatchObject({
      title: 'Thợ hàn, MIG',
      positions: 5,
      skills: [{ code: 'welding', mustHave: true, weight: 0.9 }, { code: 'forklift-operation', mustHave: false, weight: 0.5 }],
      languages: [{ code: 'ko', minLevel: 'TOPIK2', required: true }, { code: 'en', minLevel: 'B1', required: false }],
      wageMinVnd: 8_000_000,
      shifts: ['day', 'night'],
      deadline: '2026-12-31',
      housingOffered: true,
    });
    expect(vacancyTerms.safeParse(mapped.terms).success).toBe(true);
  });

  it('accepts semicolon-separated CSV (Excel in Vietnamese locale) and reports bad cells', async () => {
    const sheet = await readSheet('csv', Buffer.from('Title;Occupation code;Positions;Deadline;Housing\nThợ may;7531;mười;2026-13-45x;maybe\n'));
    expect(sheet.header).toEqual(['title', 'occupation_code', 'positions', 'deadline', 'housing']);
    const mapped = mapTabularRow(2, sheet.records[0]!.values);
    expect(mapped.errors.map((e) => [e.field, e.code])).toEqual([
      ['positions', 'NOT_A_NUMBER'],
      ['deadline', 'NOT_A_DATE'],
      ['housing', 'NOT_A_BOOLEAN'],
    ]);
  });

  it('names unknown columns', () => {
    expect(unknownColumns(['title', 'status', 'employer_id'])).toEqual(['status']);
  });

  it('reads the first sheet of an XLSX workbook: shared and rich strings, numbers, booleans, date serials', async () => {
    const file = xlsxFile([
      ['title', 'occupation_code', 'positions', 'commune_code', 'wage_min_vnd', 'wage_max_vnd', 'deadline', 'shuttle'],
      ['Công nhân may', '7531', 12, '05860', 7_000_000, 9_000_000, 46387, true],
      [null, null, null, null, null, null, null, null],
      ['Thợ điện', '7411', 2, '05890', 9_000_000, 12_000_000, '2026-12-20', false],
    ]);
    const sheet = await readSheet('xlsx', Buffer.from(file));
    expect(sheet.header).toEqual(['title', 'occupation_code', 'positions', 'commune_code', 'wage_min_vnd', 'wage_max_vnd', 'deadline', 'shuttle']);
    expect(sheet.records.map((r) => r.row)).toEqual([2, 4]);
    const first = mapTabularRow(2, sheet.records[0]!.values);
    expect(first.terms).toMatchObject({ title: 'Công nhân may', occupationCode: '7531', positions: 12, wageMinVnd: 7_000_000, deadline: '2026-12-31', shuttleOffered: true });
    expect(mapTabularRow(4, sheet.records[1]!.values).terms).toMatchObject({ title: 'Thợ điện', deadline: '2026-12-20', shuttleOffered: false });
  });

  it('refuses a file that is not an XLSX package, or has no header, as unreadable', async () => {
    await expect(readSheet('xlsx', Buffer.from('title,positions\n'))).rejects.toMatchObject({ code: 'IMPORT_UNREADABLE', status: 400 });
    await expect(readSheet('csv', Buffer.from('\n\n'))).rejects.toMatchObject({ code: 'IMPORT_UNREADABLE', status: 400 });
  });
});
