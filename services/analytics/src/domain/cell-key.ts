import type { SupplyDemandRow } from './supply-demand.js';

/** The compacted topic's key: period | area | occupation. */
export const cellKey = (period: string, row: Pick<SupplyDemandRow, 'area' | 'occupation'>): string =>
  `${period}|${row.area.level}:${row.area.code}|${row.occupation.level}:${row.occupation.code}`;
