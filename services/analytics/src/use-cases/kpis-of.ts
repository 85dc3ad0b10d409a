import type { kpiValue } from '@ketnoi/contracts';
import type { z } from 'zod';
import type { AreaResolver } from '../domain/dimensions.js';
import { computeKpis, type KpiResult } from '../domain/kpis.js';
import type { LabourForceRow } from '../domain/labour-force.js';
import { kindOf, periodOf } from '../domain/periods.js';
import { levelOfCode, registryCountsByArea } from '../domain/registry-counts.js';
import type { Projections } from './projections.js';

export type KpiValue = z.infer<typeof kpiValue> & Pick<KpiResult, 'vi' | 'en'>;

/**
 * Every indicator that can be computed: survey-based ones for each uploaded
 * area and period; registry+survey ones for each area's latest uploaded
 * period (the registry is a count now, so it is set against the latest
 * statistics only); registry-based ones for every area, in the current quarter.
 */
export function kpisOf(projections: Projections, table: Iterable<LabourForceRow>, areas: AreaResolver, asOfDay: string, computedAt: string): KpiValue[] {
  const registry = registryCountsByArea(projections.cube.values(), areas);
  const rows = [...table];
  const latest = new Map<string, string>();
  for (const row of rows) if ((latest.get(row.area) ?? '') < row.period) latest.set(row.area, row.period);
  const value = (result: KpiResult, area: string, period: string): KpiValue => {
    const { kpi, vi, en, value: v, target, unit, comparison, met, basis, source, numerator, denominator } = result;
    const kind = kindOf(period) ?? 'quarter';
    return {
      key: `${kpi}|${period}|${area}`,
      kpi,
      vi,
      en,
      periodKind: kind,
      period,
      area: { level: levelOfCode(area, areas.provinceCode), code: area },
      value: v,
      target,
      unit,
      comparison,
      met,
      basis,
      source,
      numerator,
      denominator,
      computedAt,
    };
  };
  const fromSurvey = rows.flatMap((row) =>
    computeKpis(row, latest.get(row.area) === row.period ? registry.get(row.area) : undefined)
      .filter((r) => r.basis !== 'registry')
      .map((r) => value(r, row.area, row.period)),
  );
  const quarter = periodOf(asOfDay, 'quarter');
  const fromRegistry = [...registry].flatMap(([area, counts]) =>
    computeKpis(undefined, counts)
      .filter((r) => r.basis === 'registry')
      .map((r) => value(r, area, quarter)),
  );
  return [...fromSurvey, ...fromRegistry].sort((a, b) => a.key.localeCompare(b.key));
}
