import writeXlsxFile from 'write-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService, type TestService } from '../helpers.js';

const HEADER = 'Mã hồ sơ,Họ và tên,Số CCCD,Ngày sinh,Giới tính,Dân tộc,Số điện thoại,Xã/phường,Trình độ chuyên môn,Nghề mong muốn,Đồng ý kết nối việc làm,Quê quán';
const rows = [
  'HS-001,Hà Văn Thắng,019096000111,12/03/1996,Nam,Tày,0912000111,Phường Đức Xuân,Sơ cấp,7212,Có,Định Hóa',
  'HS-002,Lý Thị Sen,019101000222,01/01/2001,Nữ,Dao,0912000222,Phường Đức Xuân,Không,9329,Có,', // century digit says 1900s: rejected
  'HS-003,Ma Văn Tùng,019097000333,20/10/1997,Nam,Nùng,0212000333,Phường Đức Xuân,Cao đẳng,3113,Có,', // a landline, not a mobile: rejected
  'HS-004,Triệu Thị Lan,019199000444,09/09/1999,Nữ,Kinh,0912000444,Phường Đức Xuân,Đại học,2411,Không,',
];

describe('importing workers from a spreadsheet, on the real database', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startService();
  });
  afterAll(() => service.close());

  const upload = async (body: Buffer, contentType: string) =>
    service.app.inject({ method: 'POST', url: '/v1/workers/import', payload: body, headers: { ...(await service.bearer()), 'content-type': contentType } });

  it('keeps the good rows of a CSV file and reports each bad one', async () => {
    const response = await upload(Buffer.from([HEADER, ...rows].join('\n')), 'text/csv; charset=utf-8');
    expect(response.statusCode).toBe(200);
    const report = response.json();
    expect(report).toMatchObject({ total: 4, registered: 2, rejected: 2, unknownColumns: ['Quê quán'] });
    expect(report.rows.map((r: { row: number; outcome: string }) => [r.row, r.outcome])).toEqual([
      [2, 'registered'],
      [3, 'rejected'],
      [4, 'rejected'],
      [5, 'registered'],
    ]);
    expect(report.rows[1].errors).toEqual([{ field: 'citizenId', message: 'century digit does not match the date of birth' }]);
    expect(report.rows[2].errors).toEqual([{ field: 'phone', message: 'is not a Vietnamese mobile number' }]);
    expect(await service.app.mongo.db!.collection('workers').countDocuments()).toBe(2);
  });

  it('reads the same rows from XLSX and updates the people it already knows', async () => {
    const sheet = [HEADER, rows[0]!.replace('7212', '7212;7223'), rows[3]!].map((line) => line.split(',').map((value) => ({ value })));
    const response = await upload(await writeXlsxFile(sheet).toBuffer(), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ total: 2, registered: 0, updated: 1, unchanged: 1, rejected: 0 });
    expect(await service.app.mongo.db!.collection('workers').countDocuments()).toBe(2);
  });

  it('refuses a file without the columns a worker needs', async () => {
    const response = await upload(Buffer.from('Họ và tên,Ghi chú\nA,B\n'), 'text/csv');
    expect(response.statusCode).toBe(400);
    expect(response.json().detail).toMatch(/lacks the columns: citizenId, dateOfBirth, gender, ethnicity, desiredOccupations/);
  });
});
