import type { supplyDemandCell } from '@ketnoi/contracts';
import type { z } from 'zod';
import { cellKey } from './cell-key.js';
import type { SupplyDemandRow } from './supply-demand.js';

export type SupplyDemandCell = z.infer<typeof supplyDemandCell>;

/**
 * The day's cells, as published on analytics.supply-demand.v1: rows of the
 * default grouping (area × occupation), where both sides are known; cells
 * with neither job seekers, open positions nor hires are left out.
 */
export function toCells(rows: readonly SupplyDemandRow[], day: string, computedAt: string): SupplyDemandCell[] {
  return rows
    .filter((row) => (row.jobSeekers ?? 0) > 0 || (row.openPositions ?? 0) > 0 || (row.placements ?? 0) > 0)
    .map((row) => ({
      key: cellKey(day, row),
      periodKind: 'day' as const,
      period: day,
      area: row.area,
      occupation: row.occupation,
      jobSeekers: row.jobSeekers ?? 0,
      openPositions: row.openPositions ?? 0,
      supplyDemandRatio: row.supplyDemandRatio,
      shortageIndex: row.shortageIndex ?? 0,
      placements: row.placements ?? 0,
      computedAt,
    }));
}

/**
 * A cell of the day that disappeared is published once more with zeros (so
 * the compacted topic's latest value is right); earlier days' are left alone.
 */
export const retiredCell = (cell: SupplyDemandCell, day: string, computedAt: string): SupplyDemandCell | undefined =>
  cell.period === day ? { ...cell, jobSeekers: 0, openPositions: 0, placements: 0, supplyDemandRatio: null, shortageIndex: 0, computedAt } : undefined;
