import { vacanciesTopic } from '@ketnoi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/vietnam-time.js';
import { today } from '../mothers.js';
import { bearer, employerSession, readEvents, registerEmployer, startService, type TestService } from '../helpers.js';
import { xlsxFile } from '../xlsx-file.js';

type Report = { summary: Record<string, number>; rows: { row: number; status: string; vacancyId?: string; errors?: { field: string; code: string }[] }[] };

describe('bulk import: CSV, XLSX and JobPosting JSON-LD', () => {
  let service: TestService;
  let token: string;
  let employerId: string;
  const deadline = addDays(today(), 20);

  beforeAll(async () => {
    service = await startService();
    employerId = await registerEmployer(service);
    ({ token } = await employerSession(service, employerId));
  });
  afterAll(() => service?.close());

  const upload = (body: string | Uint8Array, type: string, asToken = token) =>
    service.app.inject({ method: 'POST', url: '/v1/vacancies/import', headers: { ...bearer(asToken), 'content-type': type }, payload: Buffer.from(body) });

  it('imports the good rows of a CSV, reports the bad ones, and merges duplicates within the file', async () => {
    const csv = [
      'external_ref,title,occupation_code,positions,commune_code,wage_min_vnd,wage_max_vnd,shifts,deadline,min_qualification',
      `C-1,Công nhân may công nghiệp,7531,20,05860,7.500.000,9.000.000,day,${deadline},none`,
      `C-2,Chỉ tuyển nữ may,7531,5,05860,7500000,9000000,day,${deadline},none`,
      `C-3,Thợ hàn,7212,3,05860,2000000,3000000,day,${deadline},none`,
      `C-4,Kế toán,2411,1,99999,9000000,12000000,day,${deadline},university`,
      `C-5,Tuyển gấp công nhân may công nghiệp,7531,30,05860,7500000,9000000,day,${deadline},none`,
      `C-6,,7531,abc,05860,7500000,9000000,day,${deadline},none`,
    ].join('\n');
    const response = await upload(csv, 'text/csv');
    expect(response.statusCode).toBe(200);
    const report = response.json<Report>();
    expect(report.summary).toEqual({ rows: 6, created: 1, updated: 0, merged: 1, unchanged: 0, rejected: 4 });
    const byRow = Object.fromEntries(report.rows.map((r) => [r.row, r]));
    expect(byRow[2]!.status).toBe('created');
    expect(byRow[3]!.errors).toEqual([expect.objectContaining({ code: 'DISCRIMINATORY_REQUIREMENT', field: 'title' })]);
    expect(byRow[4]!.errors).toEqual([expect.objectContaining({ code: 'WAGE_BELOW_MINIMUM' })]);
    expect(byRow[5]!.errors).toEqual([expect.objectContaining({ code: 'UNKNOWN_COMMUNE' })]);
    expect(byRow[6]).toMatchObject({ status: 'merged', vacancyId: byRow[2]!.vacancyId });
    expect(byRow[7]!.errors!.map((e) => e.field)).toEqual(expect.arrayContaining(['positions', 'title']));

    const merged = await service.app.inject({ method: 'GET', url: `/v1/vacancies/${byRow[2]!.vacancyId}`, headers: bearer(token) });
    expect(merged.json()).toMatchObject({ version: 2, terms: { positions: 30 } });

    const again = (await upload(csv, 'text/csv')).json<Report>();
    expect(again.summary).toMatchObject({ created: 0, unchanged: 2, rejected: 4 });

    const topic = await readEvents(service, vacanciesTopic.name);
    const events = await topic.waitFor(2);
    await topic.reader.stop();
    expect(events.map((e) => e.type)).toEqual(['vacancy.opened', 'vacancy.updated']);
  });

  it('refuses a file with unknown or forbidden columns as a whole', async () => {
    const status = await upload(`title,status\nThợ may,filled\n`, 'text/csv');
    expect(status.statusCode).toBe(400);
    expect(status.json()).toMatchObject({ code: 'IMPORT_COLUMNS_UNKNOWN', details: { unknown: ['status'] } });
    const gender = await upload(`title,gioi_tinh\nThợ may,nữ\n`, 'text/csv');
    expect(gender.statusCode).toBe(422);
    expect(gender.json()).toMatchObject({ code: 'DISCRIMINATORY_REQUIREMENT' });
  });

  it('imports an XLSX workbook', async () => {
    const file = xlsxFile([
      ['external_ref', 'title', 'occupation_code', 'positions', 'commune_code', 'industrial_park_code', 'wage_min_vnd', 'wage_max_vnd', 'shifts', 'deadline', 'housing'],
      ['X-1', 'Kỹ thuật viên SMT', '3113', 4, '05890', 'yen-binh', 10_000_000, 14_000_000, 'rotating', deadline, 'có'],
      ['X-2', 'Bảo vệ', '5414', 2, '05890', 'diem-thuy', 6_000_000, 7_000_000, 'night', deadline, 'không'],
    ]);
    const report = (await upload(file, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')).json<Report>();
    expect(report.rows.map((r) => [r.row, r.status, r.errors?.map((e) => e.code)])).toEqual([
      [2, 'created', undefined],
      [3, 'rejected', ['PARK_NOT_IN_COMMUNE']],
    ]);
  });

  it('imports schema.org JobPosting JSON-LD and keeps another employer\'s posting out', async () => {
    const other = await registerEmployer(service);
    const otherTax = (await service.app.inject({ method: 'GET', url: `/v1/employers/${other}`, headers: bearer(await service.staffToken()) })).json<{ taxCode: string }>().taxCode;
    const posting = (overrides: object) => ({
      '@type': 'JobPosting',
      title: 'Nhân viên kiểm tra chất lượng',
      occupationalCategory: '7543',
      totalJobOpenings: 3,
      jobLocation: { '@type': 'Place', identifier: '05860' },
      baseSalary: { '@type': 'MonetaryAmount', currency: 'VND', value: { '@type': 'QuantitativeValue', minValue: 8_000_000, maxValue: 10_000_000, unitText: 'MONTH' } },
      validThrough: `${deadline}T17:00:00+07:00`,
      ...overrides,
    });
    const document = { '@context': 'https://schema.org', '@graph': [posting({ identifier: 'J-1' }), posting({ identifier: 'J-2', hiringOrganization: { taxID: otherTax } })] };
    const report = (await upload(JSON.stringify(document), 'application/ld+json')).json<Report>();
    expect(report.rows.map((r) => [r.status, r.errors?.[0]?.code])).toEqual([['created', undefined], ['rejected', 'EMPLOYER_NOT_YOURS']]);
  });

  it('answers 413 to an import over the size limit', async () => {
    const big = `title\n${'x'.repeat(service.config.IMPORT_LIMIT_BYTES)}\n`;
    expect((await upload(big, 'text/csv')).statusCode).toBe(413);
  });
});
