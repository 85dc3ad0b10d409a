/**
 * How long the reports take over a registry of BENCH_WORKERS workers
 * (default 1,000,000) and BENCH_VACANCIES vacancies, in memory (no broker or
 * database): the worker cube against a scan of every worker.
 * Run: pnpm --filter @ketnoi/analytics bench
 */
import { performance } from 'node:perf_hooks';
import type { VacancySnapshot, WorkerSnapshot } from '@ketnoi/contracts';
import { computeSupplyDemand } from '../src/domain/supply-demand.js';
import { exposureOf } from '../src/use-cases/exposure-of.js';
import { forecastsOf } from '../src/use-cases/forecasts-of.js';
import { kpisOf } from '../src/use-cases/kpis-of.js';
import { Projections } from '../src/use-cases/projections.js';
import { supplyDemandOf } from '../src/use-cases/supply-demand-of.js';

const WORKERS = Number(process.env.BENCH_WORKERS ?? 1_000_000);
const VACANCIES = Number(process.env.BENCH_VACANCIES ?? 20_000);
const COMMUNES = Array.from({ length: 90 }, (_, i) => String(5400 + i).padStart(5, '0'));
const OCCUPATIONS = ['7212', '8160', '2211', '7233', '9329', '5223', '8322', '6111', '3115', '4110', '7531', '8153'];
const QUALIFICATIONS = ['none', 'elementary', 'intermediate', 'college', 'university'] as const;
const areas = { provinceCode: '19', formerDistrictOf: (c: string) => c.slice(0, 3) };
const noGroups = { poorHousehold: false, nearPoorHousehold: false, recentlyOutOfPoverty: false, ethnicMinority: false, disability: false, backFromAbroad: false, demobilised: false, youth: false };

/**
 * A day from 2021-Q1 to 2026-Q3 drawn so that quarters follow a trend, a
 * season (hiring before Tết and in spring) and noise, like registrations do.
 */
const QUARTERS = 23;
const weights = Array.from({ length: QUARTERS }, (_, q) => (1 + 0.03 * q) * (1 + 0.25 * Math.sin((2 * Math.PI * q) / 4)));
const cumulative = weights.map((_, q) => weights.slice(0, q + 1).reduce((a, b) => a + b, 0) / weights.reduce((a, b) => a + b, 0));
const uniform = (i: number, salt: number) => (((i + 1) * 2654435761 + salt * 40503) % 4294967296) / 4294967296;
function dayOf(i: number, salt: number): string {
  const u = uniform(i, salt);
  const quarter = cumulative.findIndex((c) => u < c);
  const start = Date.UTC(2021 + Math.floor(quarter / 4), (quarter % 4) * 3, 1);
  return new Date(start + Math.floor(uniform(i, salt + 1) * 90) * 86_400_000 + 3 * 3600_000).toISOString();
}

const worker = (i: number): WorkerSnapshot => ({
  workerId: `bench-worker-${i}`,
  version: 1,
  status: i % 4 === 0 ? 'placed' : i % 9 === 0 ? 'not-looking' : 'looking',
  employmentStatus: 'unemployed',
  consentToMatching: true,
  birthMonth: `${1970 + (i % 35)}-${String(1 + (i % 12)).padStart(2, '0')}`,
  gender: i % 2 ? 'male' : 'female',
  communeCode: COMMUNES[i % COMMUNES.length] ?? '05443',
  desiredOccupations: [OCCUPATIONS[i % OCCUPATIONS.length] ?? '7212', OCCUPATIONS[(i * 7) % OCCUPATIONS.length] ?? '8160'],
  skills: [],
  certificates: [],
  qualification: QUALIFICATIONS[i % QUALIFICATIONS.length] ?? 'none',
  languages: [],
  experienceYears: 1,
  willingToRelocate: false,
  shifts: ['day'],
  priority: { ...noGroups, ethnicMinority: i % 5 === 0, poorHousehold: i % 13 === 0 },
  registeredAt: dayOf(i, 1),
});

const vacancy = (i: number): VacancySnapshot => ({
  vacancyId: `bench-vacancy-${i}`,
  version: 1,
  employerId: 'bench-employer',
  status: i % 3 === 0 ? 'filled' : 'open',
  positionsFilled: i % 3,
  fdi: i % 2 === 0,
  vsicSector: i % 2 === 0 ? 'C26' : 'F41',
  openedAt: dayOf(i, 7),
  updatedAt: dayOf(i, 7),
  terms: {
    title: 'Bench',
    occupationCode: OCCUPATIONS[i % OCCUPATIONS.length] ?? '7212',
    positions: 1 + (i % 20),
    skills: [],
    certificates: [],
    minQualification: 'none',
    languages: [],
    communeCode: COMMUNES[i % COMMUNES.length] ?? '05443',
    wageMinVnd: 1,
    wageMaxVnd: 2,
    wagePeriod: 'month',
    shifts: ['day'],
    housingOffered: false,
    shuttleOffered: false,
    welcomedGroups: [],
    minExperienceYears: 0,
    deadline: '2027-01-01',
  },
});

function time<T>(label: string, run: () => T, repeat = 3): T {
  let result = run();
  const started = performance.now();
  for (let i = 0; i < repeat; i += 1) result = run();
  console.log(`${label.padEnd(58)} ${((performance.now() - started) / repeat).toFixed(1).padStart(9)} ms`);
  return result;
}

const projections = new Projections({ load: async () => [], save: async () => undefined, saveMany: async () => undefined });
const loading = performance.now();
for (let i = 0; i < WORKERS; i += 1) await projections.applyWorker(worker(i));
for (let i = 0; i < VACANCIES; i += 1) await projections.applyVacancy(vacancy(i));
console.log(`${WORKERS} workers, ${VACANCIES} vacancies applied in ${((performance.now() - loading) / 1000).toFixed(1)} s; ${projections.cube.size} combinations in the cube`);
console.log(`heap used: ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`);

const options = { ...areas, level: 'commune', occupationLevel: 'major', asOf: '2026-11-26' } as const;
const cube = time('supply-demand, commune × major (cube)', () => supplyDemandOf(projections, options));
const workers = [...projections.workers.values()].map((w) => ({ worker: w, count: 1 }));
const scan = time('supply-demand, commune × major (every worker)', () =>
  computeSupplyDemand({ stock: workers, registered: [], vacancies: projections.vacancies, placements: [] }, options),
);
if (JSON.stringify(cube.map((r) => r.jobSeekers)) !== JSON.stringify(scan.map((r) => r.jobSeekers))) throw new Error('the cube and the scan disagree');
time('supply-demand, province × major, one quarter (quarter cube)', () => supplyDemandOf(projections, { ...options, level: 'province', period: '2025-Q2' }));
time('supply-demand, province × major, one month (day index)', () => supplyDemandOf(projections, { ...options, level: 'province', period: '2025-05' }));
time('supply-demand, grouped by gender × age band × priority', () => supplyDemandOf(projections, { ...options, level: 'former-district', groupBy: ['gender', 'ageBand', 'priority'] }));
time('KPIs (registry counts per area)', () => kpisOf(projections, [], areas, '2026-11-26', new Date().toISOString()));
time('exposure audit', () => exposureOf(projections, { areas, asOfDay: '2026-11-26' }));
const forecasts = time('forecasts (fit, backtest, 4 quarters, every series)', () => forecastsOf(projections, { ...areas, asOfDay: '2026-11-26', computedAt: '' }), 1);
const errors = forecasts.flatMap((f) => (f.backtest?.smape == null ? [] : [f.backtest.smape]));
const mapes = forecasts.flatMap((f) => (f.backtest?.mape == null ? [] : [f.backtest.mape]));
const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / Math.max(1, v.length);
console.log(`${forecasts.length} series; backtest over the last 4 quarters: mean MAPE ${(mean(mapes) * 100).toFixed(1)}%, mean sMAPE ${(mean(errors) * 100).toFixed(1)}%`);
