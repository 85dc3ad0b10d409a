import type { Table } from '@ketnoi/tabular';
import { describe, expect, it } from 'vitest';
import { chunkTable, formatImportReport } from '../../src/index.js';
import { addChunk, emptyReport, vacancyRows, workerRows } from '../../src/import/import-report.js';

const table: Table = {
  headers: ['ho_ten', 'so_cccd', 'ghi_chu'],
  rows: [
    { rowNumber: 2, cells: { ho_ten: 'Nguyễn Văn An', so_cccd: '019095000001', ghi_chu: 'a, "b"' } },
    { rowNumber: 4, cells: { ho_ten: 'Lê Thị Bình', so_cccd: '019195000002', ghi_chu: 'dòng\nhai' } },
    { rowNumber: 5, cells: { ho_ten: 'Hà Văn Công', so_cccd: '006090000003' } },
  ],
};

describe('chunkTable', () => {
  it('splits rows into CSV files with the header, quoting what needs it, keeping file row numbers', () => {
    const chunks = chunkTable(table, 2);
    expect(chunks.map((c) => c.rowNumbers)).toEqual([[2, 4], [5]]);
    expect(chunks[0]!.csv).toBe('ho_ten,so_cccd,ghi_chu\nNguyễn Văn An,019095000001,"a, ""b"""\nLê Thị Bình,019195000002,"dòng\nhai"\n');
    expect(chunks[1]!.csv).toBe('ho_ten,so_cccd,ghi_chu\nHà Văn Công,006090000003,\n');
  });
});

describe('import report', () => {
  it('merges chunk answers with file row numbers and prints refused rows, masked', () => {
    const [first, second] = chunkTable(table, 2);
    const report = emptyReport();
    addChunk(report, first!, workerRows({ unknownColumns: ['ghi_chu'], rows: [
      { row: 2, outcome: 'registered', workerId: 'w-1' },
      { row: 3, outcome: 'rejected', errors: [{ field: 'citizenId', message: '019195000002: century digit does not match the date of birth' }] },
    ] }), ['ghi_chu']);
    addChunk(report, second!, workerRows({ unknownColumns: [], rows: [{ row: 2, outcome: 'unchanged', workerId: 'w-3' }] }));
    expect(report.outcomes).toEqual({ registered: 1, rejected: 1, unchanged: 1 });
    expect(report.results.map((r) => r.row)).toEqual([2, 4, 5]);
    expect(formatImportReport(report)).toEqual([
      '3 rows: registered 1, rejected 1, unchanged 1',
      'ignored columns: ghi_chu',
      'row 4 (rejected): citizenId: ‹citizen-id›: century digit does not match the date of birth',
    ]);
  });

  it('reads vacancy-intake answers (status) the same way', () => {
    expect(vacancyRows({ rows: [{ row: 2, status: 'merged', vacancyId: 'v1' }] })).toEqual([{ row: 2, outcome: 'merged', id: 'v1', errors: [] }]);
  });
});
