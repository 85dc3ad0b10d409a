import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService, type TestService } from '../helpers.js';
import { aMatch, aVacancy, aWorker } from '../mothers.js';

/** Debian's chromium, installed by scripts/install-chromium.sh. */
const CHROMIUM = '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The few browser types the page-side code uses (the service's tsconfig has no DOM library). */
interface Browserish {
  Image: new () => { src: string; width: number; height: number; decode: () => Promise<void> };
  document: {
    createElement: (tag: 'canvas') => {
      width: number;
      height: number;
      getContext: (kind: '2d') => { drawImage: (image: unknown, x: number, y: number) => void; getImageData: (x: number, y: number, w: number, h: number) => { data: Uint8ClampedArray } } | null;
    };
  };
}
type Dashboard = { charts: Record<string, { getOption: () => { series: { data: number[] }[] } }> };
const seriesOf = (page: Page, chart: string) =>
  page.evaluate((id) => (globalThis as unknown as { ketnoiDashboard: Dashboard }).ketnoiDashboard.charts[id]?.getOption().series.map((s) => s.data), chart);

/** One fair in commune 05443 (former district 164): three registered, two checked in, two interviews, one hire without an offer. */
async function seedFair(service: TestService): Promise<void> {
  const { jobFairs } = service.app.analytics;
  const fairId = 'dash-fair-1';
  await jobFairs.applyFair({
    fairId,
    version: 1,
    title: 'Phiên việc làm tháng 3',
    theme: 'general',
    status: 'scheduled',
    format: 'in-person',
    startsAt: '2026-03-10T01:00:00.000Z',
    endsAt: '2026-03-10T09:00:00.000Z',
    venue: { kind: 'centre', name: 'Trung tâm Dịch vụ việc làm', communeCode: '05443' },
    capacity: 100,
    updatedAt: '2026-02-01T00:00:00.000Z',
  });
  await jobFairs.applyBooth({ fairId, boothId: 'dash-booth-1', version: 1, employerId: 'dash-employer', employerName: 'Công ty A', label: 'B01', vacancyIds: ['dash-vacancy-1'], registeredAt: '2026-02-02T00:00:00.000Z' });
  const priority = aWorker().priority;
  for (let i = 0; i < 3; i += 1) {
    const flags = { ...priority, ethnicMinority: i === 0 };
    await jobFairs.applyAttendee({ kind: 'registered', fairId, workerId: `dash-worker-${i}`, priority: flags, at: '2026-03-01T00:00:00.000Z' });
    if (i < 2) await jobFairs.applyAttendee({ kind: 'checked-in', fairId, workerId: `dash-worker-${i}`, priority: flags, at: '2026-03-10T02:00:00.000Z' });
  }
  await jobFairs.applyInterview({ interviewId: 'dash-interview-1', fairId, version: 1, boothId: 'dash-booth-1', workerId: 'dash-worker-0', status: 'scheduled' });
  await jobFairs.applyInterview({ interviewId: 'dash-interview-1', fairId, version: 3, boothId: 'dash-booth-1', workerId: 'dash-worker-0', status: 'hired', placementId: 'plc_dash1' });
  await jobFairs.applyInterview({ interviewId: 'dash-interview-2', fairId, version: 1, boothId: 'dash-booth-1', workerId: 'dash-worker-1', status: 'scheduled' });
}

describe('the dashboard in headless Chromium', () => {
  let service: TestService;
  let browser: BrowserContext;
  let profile: string;
  let base: string;

  beforeAll(async () => {
    service = await startService();
    const { projections } = service.app.analytics;
    // Former district 164 (Thái Nguyên city): welders wanted; former district 058 (Bắc Kạn): drivers.
    for (let i = 0; i < 6; i += 1) await projections.applyWorker(aWorker({ workerId: `dash-worker-${i}`, gender: i % 2 ? 'male' : 'female' }));
    for (let i = 0; i < 3; i += 1) await projections.applyWorker(aWorker({ workerId: `dash-north-${i}`, communeCode: '01843', desiredOccupations: ['8322'] }));
    await projections.applyVacancy(aVacancy({ vacancyId: 'dash-vacancy-1', openedAt: '2025-03-01T02:00:00.000Z' }, { positions: 9 }));
    await projections.applyVacancy(aVacancy({ vacancyId: 'dash-vacancy-2', openedAt: '2025-08-01T02:00:00.000Z', vsicSector: 'H49' }, { occupationCode: '8322', communeCode: '01843', positions: 2 }));
    await projections.applyMatchProposed(aMatch({ matchId: 'dash-vacancy-1:dash-worker-0', vacancyId: 'dash-vacancy-1', workerId: 'dash-worker-0' }));
    await seedFair(service);
    await service.app.listen({ port: 0, host: '127.0.0.1' });
    const address = service.app.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    profile = await mkdtemp(join(tmpdir(), 'ketnoi-chromium-'));
    // A fresh profile each run (playwright passes it as --user-data-dir).
    browser = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: { width: 1280, height: 1100 } });
  });

  afterAll(async () => {
    await browser?.close();
    await service?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  it('loads with data, changes the charts on a filter, switches to English, and renders a non-blank page', async () => {
    const page = await browser.newPage();
    const token = (await service.bearer()).authorization.slice('Bearer '.length);
    await page.goto(`${base}/dashboard#token=${token}`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    expect(await page.evaluate(() => typeof (globalThis as unknown as { echarts?: unknown }).echarts)).toBe('object');
    expect(await page.locator('h1').textContent()).toBe('Cung – cầu lao động Thái Nguyên');

    // The whole province: job seekers and open positions per ISCO major group (7: welders, 8: drivers).
    expect(await seriesOf(page, 'chart-supply-demand')).toEqual([
      [6, 3],
      [9, 2],
    ]);
    expect(await page.locator('#shortage tbody tr').count()).toBe(2);

    // The job-fair panel: the fair's headline figures, its booth and its priority-group reach.
    expect(await page.locator('#fairs tbody tr td').allTextContents()).toEqual(['Phiên việc làm tháng 3', '2026-03-10', '3', '2', '66.7%', '1', '1', '1']);
    expect(await page.locator('#fair-booths tbody tr td').allTextContents()).toEqual(['B01', 'Công ty A', '2', '1', '0', '1', '1']);
    expect(await page.locator('#fair-groups tbody tr', { hasText: 'Dân tộc thiểu số' }).locator('td').allTextContents()).toEqual(['Dân tộc thiểu số', '1', '1', '1', '1']);

    // Areas are named from the reference data. Filter on the former district of Bắc Kạn: only the drivers are left.
    expect(await page.locator('#area option[value="058"]').textContent()).toBe('Bắc Kạn (058)');
    await page.selectOption('#area', '058');
    await page.waitForSelector('body[data-ready="true"][data-revision="2"]', { timeout: 30_000 });
    expect(await seriesOf(page, 'chart-supply-demand')).toEqual([[3], [2]]);
    expect(await page.locator('#shortage tbody tr').count()).toBe(1);
    expect(await page.locator('#fairs tbody tr').count()).toBe(0);
    expect(await page.locator('#fair-report').isHidden()).toBe(true);

    await page.click('#lang');
    expect(await page.locator('h1').textContent()).toBe('Thái Nguyên labour supply and demand');

    const screenshot = await page.screenshot({ fullPage: true });
    // DASHBOARD_SCREENSHOT=/path.png keeps the picture for a person to look at.
    if (process.env.DASHBOARD_SCREENSHOT) await writeFile(process.env.DASHBOARD_SCREENSHOT, screenshot);
    const colours = await page.evaluate(async (png) => {
      // Runs in the page: the browser decodes the PNG and counts its colours.
      const dom = globalThis as unknown as Browserish;
      const image = new dom.Image();
      image.src = `data:image/png;base64,${png}`;
      await image.decode();
      const canvas = dom.document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d');
      if (!context) return 0;
      context.drawImage(image, 0, 0);
      const { data } = context.getImageData(0, 0, image.width, image.height);
      const seen = new Set<number>();
      for (let i = 0; i < data.length; i += 4) seen.add(((data[i] ?? 0) << 16) | ((data[i + 1] ?? 0) << 8) | (data[i + 2] ?? 0));
      return seen.size;
    }, screenshot.toString('base64'));
    // A blank or single-colour page has a handful of colours; charts, text and anti-aliasing give hundreds.
    expect(colours).toBeGreaterThan(200);
  });

  it('serves the page and ECharts without a token, and no data without one', async () => {
    for (const path of ['/dashboard', '/dashboard/app.js', '/dashboard/echarts.min.js']) {
      expect((await service.app.inject({ method: 'GET', url: path })).statusCode).toBe(200);
    }
    expect((await service.app.inject({ method: 'GET', url: '/v1/supply-demand' })).statusCode).toBe(401);
  });
});
