import { inPeriod, kindOf } from '../domain/periods.js';
import type { WorkerProjection } from '../domain/projections.js';
import { computeSupplyDemand, type SupplyDemandOptions, type SupplyDemandRow } from '../domain/supply-demand.js';
import type { Projections } from './projections.js';

type Weighted = { worker: WorkerProjection; count: number };

/**
 * The workers registered in a period: a quarter or a year from the quarter
 * cubes (combinations, not workers), a month or a day through the by-day
 * index; none without a period (the stock cube answers then).
 */
function* registeredIn(projections: Projections, period: string | undefined): Iterable<Weighted> {
  const kind = period === undefined ? undefined : kindOf(period);
  if (period === undefined || kind === undefined) return;
  if (kind === 'quarter' || kind === 'year') {
    for (const [quarter, cube] of projections.cubeByQuarter) if (quarter === period || (kind === 'year' && quarter.startsWith(period))) yield* cube.values();
    return;
  }
  const within = inPeriod(period);
  for (const [day, ids] of projections.registeredOn) {
    if (!within(day)) continue;
    for (const id of ids) {
      const worker = projections.workers.get(id);
      if (worker) yield { worker, count: 1 };
    }
  }
}

/** The cells of the projections as they are now; stocks read the worker cube, not every worker, and proposals their counts per vacancy and day. */
export const supplyDemandOf = (projections: Projections, options: SupplyDemandOptions): SupplyDemandRow[] =>
  computeSupplyDemand(
    {
      stock: [...projections.cube.values()],
      registered: registeredIn(projections, options.period),
      vacancies: projections.vacancies,
      placements: projections.placements.values(),
      matchCounts: projections.matchCounts.values(),
    },
    options,
  );
