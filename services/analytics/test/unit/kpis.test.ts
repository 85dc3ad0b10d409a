import { describe, expect, it } from 'vitest';
import { computeKpis, KPI_DEFINITIONS } from '../../src/domain/kpis.js';
import type { LabourForceRow } from '../../src/domain/labour-force.js';

const survey: LabourForceRow = {
  area: '19',
  period: '2025',
  labourForce: 800_000,
  employed: 784_000,
  agriculturalWorkers: 196_000,
  trainedWorkers: 584_000,
  certifiedWorkers: 248_000,
  retrainedWorkers: 160_000,
  unemployed: 16_800,
  urbanLabourForce: 240_000,
  urbanUnemployed: 6_000,
  urbanYouthLabourForce: 40_000,
  urbanYouthUnemployed: 3_000,
  ruralYouthLabourForce: 100_000,
  ruralYouthUnderemployed: 5_000,
  socialInsurance: 368_000,
  voluntarySocialInsurance: 16_000,
  unemploymentInsurance: 272_000,
};
const byKpi = (results: ReturnType<typeof computeKpis>) => Object.fromEntries(results.map((r) => [r.kpi, [r.value, r.met]]));

describe('KPIs', () => {
  it('computes every survey-based indicator against its 2025 target', () => {
    expect(byKpi(computeKpis(survey, undefined))).toEqual({
      'agricultural-share': [25, true], // 196,000 / 784,000 = 25% (at most 25%)
      'trained-share': [73, false], // 584,000 / 800,000 (at least 75%)
      'certified-share': [31, false], // 248,000 / 800,000 (at least 32%)
      'retrained-share': [20, false],
      'unemployment-rate': [2.1, false], // at most 2%
      'urban-unemployment-rate': [2.5, true], // at most 3%
      'urban-youth-unemployment-rate': [7.5, false],
      'rural-youth-underemployment-rate': [5, true],
      'social-insurance-share': [46, true],
      'voluntary-social-insurance-share': [2, false],
      'unemployment-insurance-share': [34, false],
    });
  });

  it('says where each indicator comes from and whether it is registry- or survey-based', () => {
    const [agri] = computeKpis(survey, undefined);
    expect(agri).toMatchObject({ basis: 'survey', numerator: 196_000, denominator: 784_000, unit: '%', comparison: 'at-most', target: 25 });
    expect(agri?.source).toContain('agriculturalWorkers / employed');
    expect(new Set(KPI_DEFINITIONS.map((d) => d.basis))).toEqual(new Set(['survey', 'registry', 'registry+survey']));
  });

  it('computes registry-based indicators from the registry, and registry+survey ones from both', () => {
    const registry = { registered: 400, certified: 150, unemployedJobSeekers: 8_000 };
    expect(byKpi(computeKpis(undefined, registry))).toEqual({ 'registry-certified-share': [37.5, true] });
    expect(byKpi(computeKpis({ area: '19', period: '2025', labourForce: 800_000 }, registry))).toEqual({
      'registry-certified-share': [37.5, true],
      'registered-unemployment-rate': [1, true],
    });
  });

  it('leaves out an indicator whose figures are missing or whose denominator is zero', () => {
    expect(computeKpis({ area: '19', period: '2025', unemployed: 10 }, undefined)).toEqual([]);
    expect(computeKpis({ area: '19', period: '2025', unemployed: 10, labourForce: 0 }, undefined)).toEqual([]);
    expect(computeKpis(undefined, { registered: 0, certified: 0, unemployedJobSeekers: 0 })).toEqual([]);
  });
});
