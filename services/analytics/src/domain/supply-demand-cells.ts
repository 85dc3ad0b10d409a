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

const sameNumbers = (a: SupplyDemandCell, b: SupplyDemandCell): boolean =>
  a.jobSeekers === b.jobSeekers && a.openPositions === b.openPositions && a.placements === b.placements;

/**
 * What to publish after a recomputation: cells that are new or whose numbers
 * changed, and a zero cell for each of the day's cells that disappeared (so
 * the compacted topic's latest value is right). Earlier days are left alone.
 */
export function changedCells(
  published: ReadonlyMap<string, SupplyDemandCell>,
  next: readonly SupplyDemandCell[],
  day: string,
  computedAt: string,
): SupplyDemandCell[] {
  const nextKeys = new Set(next.map((cell) => cell.key));
  const changed = next.filter((cell) => {
    const before = published.get(cell.key);
    return !before || !sameNumbers(before, cell);
  });
  const vanished = [...published.values()]
    .filter((cell) => cell.period === day && !nextKeys.has(cell.key))
    .map((cell) => ({ ...cell, jobSeekers: 0, openPositions: 0, placements: 0, supplyDemandRatio: null, shortageIndex: 0, computedAt }));
  return [...changed, ...vanished];
}
