import { computeSupplyDemand, type SupplyDemandOptions, type SupplyDemandRow } from '../domain/supply-demand.js';
import type { Projections } from './projections.js';

/** The cells of the projections as they are now. */
export const supplyDemandOf = (projections: Projections, options: SupplyDemandOptions): SupplyDemandRow[] =>
  computeSupplyDemand(projections.workers.values(), projections.vacancies, projections.placements.values(), options);
