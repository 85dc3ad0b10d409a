import { describe, expect, it } from 'vitest';
import { forecastsOf } from '../../src/use-cases/forecasts-of.js';
import { kpisOf } from '../../src/use-cases/kpis-of.js';
import { Projections } from '../../src/use-cases/projections.js';
import { MemorySink } from '../memory-sink.js';
import { aVacancy, aWorker, testAreas } from '../mothers.js';

describe('kpisOf', () => {
  it('computes survey KPIs per uploaded row, registry+survey only for the latest period, registry ones in the current quarter', async () => {
    const projections = new Projections(new MemorySink());
    await projections.applyWorker(aWorker({ workerId: 'k1', qualification: 'none' }));
    await projections.applyWorker(aWorker({ workerId: 'k2' }));
    const table = [
      { area: '19', period: '2024', labourForce: 1000, unemployed: 30 },
      { area: '19', period: '2025', labourForce: 1000, unemployed: 15 },
    ];
    const kpis = kpisOf(projections, table, testAreas, '2026-11-26', '2026-11-26T00:00:00.000Z');
    expect(kpis.filter((k) => k.area.code === '19').map((k) => [k.key, k.value, k.met, k.basis, k.periodKind])).toEqual([
      ['registered-unemployment-rate|2025|19', 0.2, true, 'registry+survey', 'year'],
      ['registry-certified-share|2026-Q4|19', 50, true, 'registry', 'quarter'],
      ['unemployment-rate|2024|19', 3, false, 'survey', 'year'],
      ['unemployment-rate|2025|19', 1.5, true, 'survey', 'year'],
    ]);
    // Registry-based values for the former district and the commune of the workers too.
    expect(kpis.filter((k) => k.basis === 'registry').map((k) => [k.area.level, k.area.code])).toEqual([
      ['former-district', '054'],
      ['commune', '05443'],
      ['province', '19'],
    ]);
  });
});

describe('forecastsOf', () => {
  it('builds quarterly series up to the last completed quarter, zeros for quiet quarters, then forecasts four', async () => {
    const projections = new Projections(new MemorySink());
    await projections.applyVacancy(aVacancy({ vacancyId: 'f1', openedAt: '2026-01-10T02:00:00.000Z' }, { positions: 4 }));
    await projections.applyVacancy(aVacancy({ vacancyId: 'f2', openedAt: '2026-07-10T02:00:00.000Z' }, { positions: 6 }));
    // The current quarter is incomplete: left out of the history.
    await projections.applyVacancy(aVacancy({ vacancyId: 'f3', openedAt: '2026-11-01T02:00:00.000Z' }, { positions: 100 }));
    const forecasts = forecastsOf(projections, { ...testAreas, asOfDay: '2026-11-26', levels: ['province'], computedAt: '2026-11-26T00:00:00.000Z' });
    expect(forecasts.map((f) => f.key)).toEqual(['demand|province:19|7', 'demand|province:19|all']);
    const [, all] = forecasts;
    expect(all?.history).toEqual([
      { period: '2026-Q1', value: 4 },
      { period: '2026-Q2', value: 0 },
      { period: '2026-Q3', value: 6 },
    ]);
    expect(all?.points.map((p) => p.period)).toEqual(['2026-Q4', '2027-Q1', '2027-Q2', '2027-Q3']);
    expect(all?.model).toMatch(/^holt-linear/);
    expect(all?.backtest).toEqual({ holdout: 0, mape: null, smape: null });
  });

  it('counts registrations per quarter for the supply series, following changes and erasures', async () => {
    const projections = new Projections(new MemorySink());
    await projections.applyWorker(aWorker({ workerId: 's1', registeredAt: '2026-02-01T02:00:00.000Z' }));
    await projections.applyWorker(aWorker({ workerId: 's2', registeredAt: '2026-05-01T02:00:00.000Z', desiredOccupations: ['8160'] }));
    await projections.applyWorker(aWorker({ workerId: 's2', version: 2, registeredAt: '2026-05-01T02:00:00.000Z', desiredOccupations: ['7212'] }));
    await projections.eraseWorker({ workerId: 's1', version: 2, erasedAt: '2026-06-01T00:00:00.000Z' });
    const supply = forecastsOf(projections, { ...testAreas, asOfDay: '2026-11-26', levels: ['province'], computedAt: '' }).filter((f) => f.side === 'supply');
    expect(supply.map((f) => [f.key, f.history])).toEqual([
      ['supply|province:19|7', [{ period: '2026-Q1', value: 1 }, { period: '2026-Q2', value: 1 }, { period: '2026-Q3', value: 0 }]],
      ['supply|province:19|all', [{ period: '2026-Q1', value: 1 }, { period: '2026-Q2', value: 1 }, { period: '2026-Q3', value: 0 }]],
    ]);
  });
});
