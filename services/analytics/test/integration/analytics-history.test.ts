import {
  employersTopic,
  forecastTopic,
  kpiTopic,
  matchesTopic,
  notificationsTopic,
  placementsTopic,
  vacanciesTopic,
  workersTopic,
} from '@ketnoi/contracts';
import { createDevIssuer } from '@ketnoi/service-kit';
import { readTopic, uniqueName, waitFor } from '@ketnoi/testing';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publish, startService, testKafka, type TestService } from '../helpers.js';
import { erasedWorker, historyEmployers, historyMatches, historyPlacements, historyVacancies, historyWorkers } from '../history.js';

interface Row {
  area: { code: string };
  occupation: { code: string };
  jobSeekers: number | null;
  openPositions: number | null;
  placements: number | null;
  supply: { newJobSeekers: number } | null;
  demand: { newPositions: number; filledVacancies: number; matchesProposed: number } | null;
}

const quarterOf = (iso: string) => {
  const vietnam = new Date(Date.parse(iso) + 7 * 3600_000).toISOString();
  return `${vietnam.slice(0, 4)}-Q${Math.floor((Number(vietnam.slice(5, 7)) - 1) / 3) + 1}`;
};
const major = (code: string) => code.slice(0, 1);

/** The province cells computed here, independently of the service, from the scripted history. */
function expectedProvinceCells() {
  const cells = new Map<string, [number, number, number]>();
  const cell = (group: string) => cells.get(group) ?? (cells.set(group, [0, 0, 0]), cells.get(group)!);
  for (const w of historyWorkers) if (w.status === 'looking' && w.workerId !== erasedWorker.workerId) for (const g of new Set(w.desiredOccupations.map(major))) cell(g)[0] += 1;
  for (const v of historyVacancies) if (v.status === 'open') cell(major(v.terms.occupationCode))[1] += Math.max(0, v.terms.positions - v.positionsFilled);
  for (const p of historyPlacements) cell(major(historyVacancies.find((v) => v.vacancyId === p.vacancyId)!.terms.occupationCode))[2] += 1;
  return [...cells].sort(([a], [b]) => a.localeCompare(b)).map(([group, [seekers, open, placed]]) => ['19', group, seekers, open, placed]);
}

describe('analytics over a scripted history on the real broker and FerretDB', () => {
  const issuer = createDevIssuer();
  let service: TestService;
  const get = async <T>(svc: TestService, url: string) => {
    const response = await svc.app.inject({ method: 'GET', url, headers: await svc.bearer() });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<T>();
  };
  const province = async (svc: TestService, query = '') =>
    (await get<{ items: Row[] }>(svc, `/v1/supply-demand?level=province${query}`)).items.map((c) => [c.area.code, c.occupation.code, c.jobSeekers, c.openPositions, c.placements]);

  beforeAll(async () => {
    service = await startService({ issuer: await issuer, env: { ANALYTICS_PUBLISH_DEBOUNCE_MS: '200' } });
    const s = service.suffix;
    await publish(s, workersTopic, historyWorkers.map((data) => ({ type: 'worker.registered' as const, subject: data.workerId, data })));
    await publish(s, employersTopic, historyEmployers.map((data) => ({ type: 'employer.registered' as const, subject: data.employerId, data })));
    await publish(s, vacanciesTopic, historyVacancies.map((data) => ({ type: 'vacancy.opened' as const, subject: data.vacancyId, data })));
    await publish(s, placementsTopic, historyPlacements.map((data) => ({ type: 'placement.recorded' as const, subject: data.vacancyId, data })));
    await publish(s, matchesTopic, historyMatches.map((data) => ({ type: 'match.proposed' as const, subject: data.vacancyId, data })));
    await publish(s, notificationsTopic, [
      { type: 'notification.sent', subject: 'hist-worker-01', data: { notificationId: 'hist-n1', recipientKind: 'worker', recipientId: 'hist-worker-01', channel: 'sms', template: 'match', at: '2026-04-12T02:00:00.000Z' } },
    ]);
    await publish(s, workersTopic, [
      { type: 'worker.erased', subject: erasedWorker.workerId, data: { workerId: erasedWorker.workerId, version: 2, erasedAt: '2026-05-01T00:00:00.000Z' } },
    ]);
    await waitFor(async () => JSON.stringify(await province(service)) === JSON.stringify(expectedProvinceCells()), { what: 'the history applied', timeoutMs: 60_000 });
    await waitFor(async () => (await get<{ totals: { matches: number } }>(service, '/v1/exposure')).totals.matches === historyMatches.length, { what: 'matches', timeoutMs: 30_000 });
    await waitFor(async () => (await get<{ employers: { active: number }; notifications: object }>(service, '/v1/activity')).employers.active === 3, { what: 'employers', timeoutMs: 30_000 });
    await waitFor(async () => 'sms' in (await get<{ notifications: object }>(service, '/v1/activity')).notifications, { what: 'notifications', timeoutMs: 30_000 });
  });

  afterAll(async () => {
    await service?.close();
  });

  it('gives the province cells computed independently from the history', async () => {
    expect(await province(service)).toEqual(expectedProvinceCells());
  });

  it('gives the flows of a quarter: registrations (the erased worker included), positions opened, vacancies filled', async () => {
    for (const quarter of ['2024-Q1', '2025-Q3', '2026-Q2']) {
      const rows = (await get<{ items: Row[] }>(service, `/v1/supply-demand?level=province&period=${quarter}`)).items;
      const registered = historyWorkers.filter((w) => quarterOf(w.registeredAt) === quarter).length;
      const opened = historyVacancies.filter((v) => quarterOf(v.openedAt) === quarter).reduce((sum, v) => sum + v.terms.positions, 0);
      const filled = historyVacancies.filter((v) => v.status === 'filled' && quarterOf(v.updatedAt) === quarter).length;
      expect(rows.reduce((sum, r) => sum + (r.supply?.newJobSeekers ?? 0), 0)).toBe(registered);
      expect(rows.reduce((sum, r) => sum + (r.demand?.newPositions ?? 0), 0)).toBe(opened);
      expect(rows.reduce((sum, r) => sum + (r.demand?.filledVacancies ?? 0), 0)).toBe(filled);
    }
  });

  it('groups by gender and filters on FDI', async () => {
    const byGender = (await get<{ items: (Row & { dimensions: { gender: string } })[] }>(service, '/v1/supply-demand?groupBy=gender')).items;
    const women = historyWorkers.filter((w) => w.gender === 'female' && w.status === 'looking' && w.workerId !== erasedWorker.workerId).length;
    expect(byGender.filter((r) => r.dimensions.gender === 'female').reduce((s, r) => s + (r.jobSeekers ?? 0), 0)).toBe(women);
    expect(byGender.every((r) => r.openPositions === null)).toBe(true);
    const fdi = (await get<{ items: Row[] }>(service, '/v1/supply-demand?fdi=fdi')).items;
    const fdiOpen = historyVacancies.filter((v) => v.fdi && v.status === 'open').reduce((s, v) => s + v.terms.positions - v.positionsFilled, 0);
    expect(fdi.reduce((s, r) => s + (r.openPositions ?? 0), 0)).toBe(fdiOpen);
  });

  it('audits exposure: the share of matches and hires reaching each group, the erased worker still counted', async () => {
    const report = await get<{ groups: { group: string; matches: number; placements: number }[] }>(service, '/v1/exposure');
    const inGroup = (group: (w: (typeof historyWorkers)[number]) => boolean, ids: string[]) => ids.filter((id) => group(historyWorkers.find((w) => w.workerId === id)!)).length;
    const matched = historyMatches.map((m) => m.workerId);
    const hired = historyPlacements.map((p) => p.workerId);
    expect(report.groups.find((g) => g.group === 'female')).toMatchObject({ matches: inGroup((w) => w.gender === 'female', matched), placements: inGroup((w) => w.gender === 'female', hired) });
    expect(report.groups.find((g) => g.group === 'ethnicMinority')).toMatchObject({ matches: inGroup((w) => w.priority.ethnicMinority, matched) });
  });

  it('computes the KPIs of an uploaded labour-force table and publishes them, keyed by indicator, period and area', async () => {
    const csv = 'Mã địa bàn,Kỳ,Lực lượng lao động,Số người thất nghiệp,Lao động qua đào tạo\n19,2025,800000,16800,584000\n';
    const upload = await service.app.inject({ method: 'POST', url: '/v1/reference/labour-force', headers: { ...(await service.bearer()), 'content-type': 'text/csv' }, payload: csv });
    expect(upload.statusCode, upload.body).toBe(200);
    const kpis = (await get<{ items: { kpi: string; value: number; basis: string; met: boolean; area: { code: string } }[] }>(service, '/v1/kpis?area=19&period=2025')).items;
    const unemployedSeekers = historyWorkers.filter((w) => w.status === 'looking' && w.employmentStatus === 'unemployed' && w.workerId !== erasedWorker.workerId).length;
    expect(kpis.map((k) => [k.kpi, k.value, k.basis, k.met])).toEqual([
      ['registered-unemployment-rate', Math.round((unemployedSeekers / 800_000) * 100 * 1000) / 1000, 'registry+survey', true],
      ['trained-share', 73, 'survey', false],
      ['unemployment-rate', 2.1, 'survey', false],
    ]);
    const topic = await readTopic(testKafka(), service.topic(kpiTopic.name));
    try {
      await waitFor(() => topic.messages.some((m) => m.key === 'unemployment-rate|2025|19' && (JSON.parse(m.value ?? '{}') as { data: { value: number } }).data.value === 2.1), {
        what: 'the KPI on its topic',
      });
    } finally {
      await topic.stop();
    }
    const refused = await service.app.inject({ method: 'POST', url: '/v1/reference/labour-force', headers: { ...(await service.bearer()), 'content-type': 'text/csv' }, payload: 'Mã địa bàn,Kỳ\n1,2025\n' });
    expect(refused.statusCode).toBe(400);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    const staff = await service.app.inject({ method: 'POST', url: '/v1/reference/labour-force', headers: { ...(await service.bearer(['staff'])), 'content-type': 'text/csv' }, payload: csv });
    expect(staff.statusCode).toBe(403);
  });

  it('forecasts from the quarterly history and publishes the forecasts', async () => {
    const forecasts = (await get<{ items: { key: string; history: { period: string; value: number }[]; points: { lower: number; value: number; upper: number }[]; backtest: { holdout: number } }[] }>(
      service,
      '/v1/forecasts?side=demand&area=19&occupation=all',
    )).items;
    expect(forecasts.map((f) => f.key)).toEqual(['demand|province:19|all']);
    const [demand] = forecasts;
    const positions = new Map<string, number>();
    for (const v of historyVacancies) positions.set(quarterOf(v.openedAt), (positions.get(quarterOf(v.openedAt)) ?? 0) + v.terms.positions);
    for (const { period, value } of demand!.history) expect(value).toBe(positions.get(period) ?? 0);
    expect(demand!.history.length).toBeGreaterThanOrEqual(10);
    expect(demand!.points).toHaveLength(4);
    for (const p of demand!.points) expect(p.lower <= p.value && p.value <= p.upper).toBe(true);
    expect(demand!.backtest.holdout).toBe(4);
    const topic = await readTopic(testKafka(), service.topic(forecastTopic.name));
    try {
      await waitFor(() => topic.messages.some((m) => m.key === 'demand|province:19|all'), { what: 'the forecast on its topic' });
    } finally {
      await topic.stop();
    }
  });

  it('lists training needs and the activity of the service', async () => {
    const needs = (await get<{ items: { skill: string; demand: number; supply: number }[] }>(service, '/v1/training-needs')).items;
    const asking = historyVacancies.filter((v) => v.status === 'open' && v.terms.skills.some((k) => k.code === 'welding'));
    const having = historyWorkers.filter((w) => w.status === 'looking' && w.workerId !== erasedWorker.workerId && w.skills.some((k) => k.code === 'welding'));
    expect(needs.find((n) => n.skill === 'welding')).toEqual(
      expect.objectContaining({ demand: asking.reduce((s, v) => s + v.terms.positions - v.positionsFilled, 0), supply: having.length }),
    );
    const activity = await get<{ registrations: number; matchesProposed: number; placements: number; notifications: Record<string, { sent: number }>; employers: { active: number; fdi: number } }>(
      service,
      '/v1/activity',
    );
    expect(activity).toMatchObject({
      registrations: historyWorkers.length,
      matchesProposed: historyMatches.length,
      placements: historyPlacements.length,
      notifications: { sms: { sent: 1, failed: 0 } },
      employers: { active: 3, fdi: 1 },
    });
  });

  it('exports XLSX with Vietnamese headers and the same rows as JSON', async () => {
    const json = (await get<{ items: Row[] }>(service, '/v1/supply-demand?level=commune')).items;
    const response = await service.app.inject({ method: 'GET', url: '/v1/supply-demand?level=commune&format=xlsx', headers: await service.bearer() });
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Cấp địa bàn (area level)');
    expect(sheet.rowCount).toBe(json.length + 1);
    expect(sheet.getRow(2).getCell(2).value).toBe(json[0]!.area.code);
  });

  it('leaves an erased worker in the counts with nothing that points back to the person', async () => {
    const db = service.app.mongo.db!;
    const worker = await db.collection('workers').findOne({ _id: erasedWorker.workerId as never });
    expect(worker).toMatchObject({ erased: true, ageBand: '15-24' });
    expect(worker).not.toHaveProperty('birthMonth');
    expect(worker).not.toHaveProperty('skills');
    for (const name of ['matches', 'placements', 'notifications']) {
      const docs = await db.collection(name).find().toArray();
      expect(JSON.stringify(docs)).not.toContain(erasedWorker.workerId);
    }
  });

  it('computes the same numbers when replaying every topic from offset 0 into an empty database', async () => {
    const urls = ['/v1/supply-demand?level=commune&period=2026', '/v1/exposure', '/v1/forecasts?area=19'];
    const strip = (body: unknown) => JSON.stringify(body, (key, value: unknown) => (key === 'computedAt' ? undefined : value));
    const settled = await Promise.all(urls.map(async (url) => strip(await get(service, url))));
    const replay = await startService({ issuer: await issuer, suffix: service.suffix, dbName: uniqueName('analytics_replay').replace(/-/g, '_'), groupId: uniqueName('analytics-replay') });
    try {
      await waitFor(async () => (await Promise.all(urls.map(async (url) => strip(await get(replay, url))))).every((body, i) => body === settled[i]), {
        what: 'replayed numbers',
        timeoutMs: 90_000,
      });
    } finally {
      await replay.close();
    }
  });
});
