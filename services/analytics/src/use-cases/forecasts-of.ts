import type { forecast } from '@ketnoi/contracts';
import type { z } from 'zod';
import { type AreaLevel, type AreaResolver, areaAt } from '../domain/dimensions.js';
import { backtest, fit, forecastFrom } from '../domain/holt-winters.js';
import { vietnamDayOf } from '../domain/local-day.js';
import { nextQuarter, periodOf, quartersBetween } from '../domain/periods.js';
import { majorGroupOf } from '../domain/supply-demand.js';
import type { Projections } from './projections.js';

export type Forecast = z.infer<typeof forecast>;

export interface ForecastOptions extends AreaResolver {
  /** The current day: history ends with the quarter before it, forecasts start with its quarter. */
  asOfDay: string;
  levels?: readonly AreaLevel[];
  horizon?: number;
  coverage?: number;
  computedAt: string;
}

type Counts = Map<string, Map<string, number>>;

const add = (series: Counts, key: string, quarter: string, amount: number): void => {
  let byQuarter = series.get(key);
  if (!byQuarter) series.set(key, (byQuarter = new Map()));
  byQuarter.set(quarter, (byQuarter.get(quarter) ?? 0) + amount);
};

/**
 * Quarterly series from the event history — demand: positions of the
 * vacancies opened; supply: job seekers registered — per area and ISCO major
 * group (and all groups), each fitted, backtested on its last quarters and
 * forecast `horizon` quarters ahead from the current one.
 */
export function forecastsOf(projections: Projections, options: ForecastOptions): Forecast[] {
  const levels = options.levels ?? ['province', 'former-district'];
  const current = periodOf(options.asOfDay, 'quarter');
  const series: Counts = new Map();
  const record = (side: 'demand' | 'supply', communeCode: string, formerDistrict: string | undefined, occupations: string[], quarter: string, amount: number) => {
    if (quarter >= current) return;
    for (const level of levels) {
      const area = `${level}:${areaAt(level, communeCode, options, formerDistrict)}`;
      add(series, `${side}|${area}|all`, quarter, amount);
      for (const group of new Set(occupations.map(majorGroupOf))) add(series, `${side}|${area}|${group}`, quarter, amount);
    }
  };
  for (const vacancy of projections.vacancies.values()) {
    if (vacancy.openedAt) {
      record('demand', vacancy.communeCode, undefined, [vacancy.occupationCode], periodOf(vietnamDayOf(new Date(vacancy.openedAt)), 'quarter'), vacancy.positions);
    }
  }
  // Registrations come counted by quarter, place and occupations (kept up to date by the projections).
  for (const r of projections.registrations.values()) record('supply', r.communeCode, r.formerDistrictCode, r.occupations, r.quarter, r.count);
  const horizon = options.horizon ?? 4;
  const coverage = options.coverage ?? 0.8;
  return [...series]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, byQuarter]) => {
      const first = [...byQuarter.keys()].sort()[0] ?? current;
      const last = [...byQuarter.keys()].sort().at(-1) ?? first;
      // Quarters without an event are zeros, up to the last completed quarter.
      const quarters = quartersBetween(first, last < current ? previousOf(current) : last);
      const values = quarters.map((q) => byQuarter.get(q) ?? 0);
      const model = fit(values);
      let period = current;
      const points = forecastFrom(model, horizon, coverage).map((p) => {
        const point = { period, value: round(p.value), lower: round(p.lower), upper: round(p.upper) };
        period = nextQuarter(period);
        return point;
      });
      const [side, areaPart, occupation] = name.split('|') as ['demand' | 'supply', string, string];
      const [level, code] = areaPart.split(':') as [AreaLevel, string];
      const test = backtest(values);
      return {
        key: name,
        series: name,
        model: `${model.model}(alpha=${model.alpha},beta=${model.beta},gamma=${model.gamma})`,
        points,
        side,
        area: { level, code },
        ...(occupation === 'all' ? {} : { occupation: { level: 'major' as const, code: occupation } }),
        level: coverage,
        history: quarters.map((q, i) => ({ period: q, value: values[i] ?? 0 })).slice(-200),
        backtest: { holdout: test.holdout, mape: roundOrNull(test.mape), smape: roundOrNull(test.smape) },
        computedAt: options.computedAt,
      };
    });
}

const round = (v: number): number => Math.round(v * 100) / 100;
const roundOrNull = (v: number | null): number | null => (v === null ? null : Math.round(v * 10_000) / 10_000);

function previousOf(quarter: string): string {
  const year = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(6));
  return q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
}
