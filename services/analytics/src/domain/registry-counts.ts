import { type AreaLevel, type AreaResolver, areaAt } from './dimensions.js';
import type { RegistryCounts } from './kpis.js';
import type { WorkerProjection } from './projections.js';

export const levelOfCode = (code: string, provinceCode: string): AreaLevel =>
  code === provinceCode ? 'province' : code.length === 3 ? 'former-district' : 'commune';

/** What the registry knows per area (the province, each former district and each commune), from weighted workers. */
export function registryCountsByArea(
  stock: Iterable<{ worker: WorkerProjection; count: number }>,
  areas: AreaResolver,
): Map<string, RegistryCounts> {
  const counts = new Map<string, RegistryCounts>();
  for (const { worker, count } of stock) {
    if (worker.erased) continue;
    for (const level of ['province', 'former-district', 'commune'] as const) {
      const code = areaAt(level, worker.communeCode, areas, worker.formerDistrictCode);
      let c = counts.get(code);
      if (!c) counts.set(code, (c = { registered: 0, certified: 0, unemployedJobSeekers: 0 }));
      c.registered += count;
      if (worker.qualification !== 'none') c.certified += count;
      if (worker.status === 'looking' && worker.employmentStatus === 'unemployed') c.unemployedJobSeekers += count;
    }
  }
  return counts;
}
