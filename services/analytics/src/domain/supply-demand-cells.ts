import type { supplyDemandCell } from '@ketnoi/contracts';
import type { z } from 'zod';
import { cellKey } from './cell-key.js';
import type { SupplyDemandRow } from './supply-demand.js';

export type SupplyDemandCell = z.infer<typeof supplyDemandCell>;

/** The day's cells, as published on analytics.supply-demand.v1. */
export function toCells(rows: readonly SupplyDemandRow[], day: string, computedAt: string): SupplyDemandCell[] {
  // The topic's cell has no placements yet (contract v1); they are in the API.
  return rows.map(({ placements: _placements, ...row }) => ({ key: cellKey(day, row), periodKind: 'day', period: day, ...row, computedAt }));
}

const sameNumbers = (a: SupplyDemandCell, b: SupplyDemandCell): boolean =>
  a.jobSeekers === b.jobSeekers && a.openPositions === b.openPositions;

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
    .map((cell) => ({ ...cell, jobSeekers: 0, openPositions: 0, supplyDemandRatio: null, shortageIndex: 0, computedAt }));
  return [...changed, ...vanished];
}
