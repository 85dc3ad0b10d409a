import { dlqTopicName, jobFairsTopic, placementsTopic, workersTopic } from '@ketnoi/contracts';
import { createDevIssuer } from '@ketnoi/service-kit';
import { readTopic, uniqueName, waitFor } from '@ketnoi/testing';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publish, startService, testKafka, type TestService } from '../helpers.js';
import { expectedFair, FAIR_A, FAIR_B, fairHistory, fairInterviews, placementIdOf } from '../jobfair-history.js';
import { aPlacement, aWorker } from '../mothers.js';

interface Report {
  fair: { fairId: string; registered: number; checkedIn: number; attendanceRate: number | null; hires: number };
  booths: { label: string; interviewsScheduled: number; interviewsCancelled: number; interviewsHeld: number; noShows: number; offers: number; hires: number }[];
  priorityReach: { group: string; registered: number; checkedIn: number; interviewed: number; hired: number }[];
}

const ERASED = 'jf-worker-a00';
const hires = fairInterviews.filter((iv) => iv.path.includes('hired'));

describe('job-fair reports from jobfairs.v1 on the real broker and FerretDB', () => {
  const issuer = createDevIssuer();
  let service: TestService;
  const get = async <T>(svc: TestService, url: string) => {
    const response = await svc.app.inject({ method: 'GET', url, headers: await svc.bearer() });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<T>();
  };
  const shape = (report: Report) => ({
    registered: report.fair.registered,
    checkedIn: report.fair.checkedIn,
    attendanceRate: report.fair.attendanceRate,
    booths: report.booths.map(({ label, interviewsScheduled, interviewsCancelled, interviewsHeld, noShows, offers, hires: h }) => ({
      label,
      interviewsScheduled,
      interviewsCancelled,
      interviewsHeld,
      noShows,
      offers,
      hires: h,
    })),
    priorityReach: report.priorityReach,
  });

  beforeAll(async () => {
    service = await startService({ issuer: await issuer });
    const s = service.suffix;
    const history = fairHistory();
    await publish(s, workersTopic, [{ type: 'worker.registered', subject: ERASED, data: aWorker({ workerId: ERASED }) }]);
    // At-least-once delivery: part of the history arrives twice.
    await publish(s, jobFairsTopic, [...history, ...history.slice(0, 25)]);
    // Each fair hire also arrives on placements.v1, twice (from jobfairs and from vacancy-intake), under one placementId.
    const placements = hires.map((iv) => aPlacement({ placementId: placementIdOf(iv.interviewId), workerId: iv.workerId, vacancyId: `jf-vacancy-${iv.boothId}` }));
    await publish(s, placementsTopic, [...placements, ...placements].map((data) => ({ type: 'placement.recorded' as const, subject: data.vacancyId, data })));
    await publish(s, workersTopic, [{ type: 'worker.erased', subject: ERASED, data: { workerId: ERASED, version: 2, erasedAt: '2026-04-01T00:00:00.000Z' } }]);
    await waitFor(async () => JSON.stringify(shape(await get<Report>(service, `/v1/jobfairs/${FAIR_A}/report`))) === JSON.stringify(expectedFair(FAIR_A)), {
      what: 'fair A reported',
      timeoutMs: 60_000,
    });
    await waitFor(async () => (await get<{ placements: number }>(service, '/v1/activity')).placements === hires.length, { what: 'the placements', timeoutMs: 30_000 });
    await waitFor(async () => !JSON.stringify(await service.app.mongo.db!.collection('jobfair_attendees').find().toArray()).includes(ERASED), {
      what: 'the erasure',
      timeoutMs: 30_000,
    });
  });

  afterAll(async () => {
    await service?.close();
  });

  it('reports each fair with the numbers computed from the script', async () => {
    expect(shape(await get<Report>(service, `/v1/jobfairs/${FAIR_A}/report`))).toEqual(expectedFair(FAIR_A));
    await waitFor(async () => JSON.stringify(shape(await get<Report>(service, `/v1/jobfairs/${FAIR_B}/report`))) === JSON.stringify(expectedFair(FAIR_B)), { what: 'fair B' });
  });

  it('counts a hire once although it also came twice on placements.v1', async () => {
    const fairHires = (await get<Report>(service, `/v1/jobfairs/${FAIR_A}/report`)).fair.hires + (await get<Report>(service, `/v1/jobfairs/${FAIR_B}/report`)).fair.hires;
    expect(fairHires).toBe(hires.length);
    expect((await get<{ placements: number }>(service, '/v1/activity')).placements).toBe(hires.length);
  });

  it('lists the fairs with headline figures, filtered by period, area and theme', async () => {
    const list = async (query: string) => (await get<{ items: { fairId: string; registered: number; hires: number }[] }>(service, `/v1/jobfairs${query}`)).items;
    const all = await list('');
    expect(all.map((f) => [f.fairId, f.registered])).toEqual([
      [FAIR_A, expectedFair(FAIR_A).registered],
      [FAIR_B, expectedFair(FAIR_B).registered],
    ]);
    expect((await list('?period=2026-03')).map((f) => f.fairId)).toEqual([FAIR_A]);
    expect((await list('?period=2026-Q2')).map((f) => f.fairId)).toEqual([FAIR_B]);
    expect((await list('?area=05443')).map((f) => f.fairId)).toEqual([FAIR_A]);
    expect((await list('?area=19')).map((f) => f.fairId)).toEqual([FAIR_A]);
    expect((await list('?theme=back-from-abroad')).map((f) => f.fairId)).toEqual([FAIR_B]);
    expect(await list('?period=2025')).toEqual([]);
  });

  it('exports the report as CSV and XLSX with Vietnamese headers', async () => {
    const csv = await service.app.inject({ method: 'GET', url: `/v1/jobfairs/${FAIR_A}/report?format=csv`, headers: await service.bearer() });
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines[0]).toContain('Phỏng vấn đã hẹn (interviews scheduled)');
    expect(lines).toHaveLength(1 + 1 + expectedFair(FAIR_A).booths.length + expectedFair(FAIR_A).priorityReach.length);
    expect(csv.body).toContain("'=Công ty Xây dựng");
    const xlsx = await service.app.inject({ method: 'GET', url: '/v1/jobfairs', headers: { ...(await service.bearer()), accept: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Mã phiên (fair id)');
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(2).getCell(9).value).toBe(expectedFair(FAIR_A).registered);
  });

  it('answers 404, 400 and 403 as problem+json', async () => {
    const unknown = await service.app.inject({ method: 'GET', url: '/v1/jobfairs/fair-nobody/report', headers: await service.bearer() });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    const bad = await service.app.inject({ method: 'GET', url: '/v1/jobfairs?theme=circus', headers: await service.bearer() });
    expect(bad.statusCode).toBe(400);
    const staff = await service.app.inject({ method: 'GET', url: '/v1/jobfairs', headers: await service.bearer(['staff']) });
    expect(staff.statusCode).toBe(403);
  });

  it('leaves an erased worker in the counts with no trace of them', async () => {
    const db = service.app.mongo.db!;
    for (const name of ['jobfair_attendees', 'jobfair_interviews', 'jobfairs', 'jobfair_booths', 'placements']) {
      const traces = (await db.collection(name).find().toArray()).filter((doc) => JSON.stringify(doc).includes(ERASED));
      expect(traces, name).toEqual([]);
    }
    expect(await db.collection('jobfair_attendees').countDocuments()).toBe(expectedFair(FAIR_A).registered + expectedFair(FAIR_B).registered);
  });

  it('sends a malformed fair event to the dead-letter topic with its reason, counting nothing', async () => {
    const before = JSON.stringify(await get(service, `/v1/jobfairs/${FAIR_A}/report`), (key, value: unknown) => (key === 'computedAt' ? undefined : value));
    const dlq = await readTopic(testKafka(), dlqTopicName(service.topic(jobFairsTopic.name)));
    const producer = testKafka().producer();
    await producer.connect();
    const bad = {
      specversion: '1.0',
      id: uniqueName('bad-outcome'),
      source: '/test',
      type: 'jobfair.outcome-recorded',
      time: new Date().toISOString(),
      subject: FAIR_A,
      data: { fairId: FAIR_A, interviewId: 'jf-interview-05', version: 2, boothId: 'booth-hist-a1', outcome: 'maybe' },
    };
    await producer.send({ topic: service.topic(jobFairsTopic.name), messages: [{ key: FAIR_A, value: JSON.stringify(bad) }] });
    await producer.disconnect();
    try {
      await dlq.waitForCount(1);
    } finally {
      await dlq.stop();
    }
    expect(dlq.messages[0]!.headers['ketnoi-dlq-reason']).toMatch(/data/);
    expect(JSON.stringify(await get(service, `/v1/jobfairs/${FAIR_A}/report`), (key, value: unknown) => (key === 'computedAt' ? undefined : value))).toBe(before);
  });

  it('gives identical answers when replaying jobfairs.v1 from offset 0 into an empty database', async () => {
    const urls = ['/v1/jobfairs', `/v1/jobfairs/${FAIR_A}/report`, `/v1/jobfairs/${FAIR_B}/report`];
    const strip = (body: unknown) => JSON.stringify(body, (key, value: unknown) => (key === 'computedAt' ? undefined : value));
    const settled = await Promise.all(urls.map(async (url) => strip(await get(service, url))));
    const replay = await startService({ issuer: await issuer, suffix: service.suffix, dbName: uniqueName('analytics_jf_replay').replace(/-/g, '_'), groupId: uniqueName('analytics-jf-replay') });
    try {
      await waitFor(async () => (await Promise.all(urls.map(async (url) => strip(await get(replay, url))))).every((body, i) => body === settled[i]), {
        what: 'replayed fair reports',
        timeoutMs: 90_000,
      });
      expect(JSON.stringify(await replay.app.mongo.db!.collection('jobfair_attendees').find().toArray())).not.toContain(ERASED);
    } finally {
      await replay.close();
    }
  });
});
