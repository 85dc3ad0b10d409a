import type { PlacementProjection, VacancyProjection, WorkerProjection } from './projections.js';

export type AreaLevel = 'province' | 'commune';
export type OccupationLevel = 'major';

export interface SupplyDemandOptions {
  level: AreaLevel;
  occupationLevel: OccupationLevel;
  provinceCode: string;
}

/** One occupation × area cell of the current snapshot. */
export interface SupplyDemandRow {
  area: { level: AreaLevel; code: string };
  occupation: { level: OccupationLevel; code: string };
  jobSeekers: number;
  openPositions: number;
  /** Hires recorded, in the cell of the vacancy's occupation and commune (all time, for now). */
  placements: number;
  /** Job seekers per open position; null when no position is open. */
  supplyDemandRatio: number | null;
  /** (demand − supply) / (demand + supply): 1 all demand (shortage), −1 all supply (surplus), 0 balanced or empty. */
  shortageIndex: number;
}

/** ISCO-08 codes nest by digit: the major group is the first one. */
export const majorGroupOf = (iscoCode: string): string => iscoCode.slice(0, 1);

export const shortageIndex = (supply: number, demand: number): number =>
  supply + demand === 0 ? 0 : (demand - supply) / (demand + supply);

export const supplyDemandRatio = (supply: number, demand: number): number | null => (demand === 0 ? null : supply / demand);

/** Open positions of a vacancy: none unless it is open; never negative. */
export const openPositionsOf = (vacancy: VacancyProjection): number =>
  vacancy.status === 'open' ? Math.max(0, vacancy.positions - vacancy.positionsFilled) : 0;

/** A job seeker is a worker still in the registry and looking. */
export const isJobSeeker = (worker: WorkerProjection): boolean => !worker.erased && worker.status === 'looking';

interface Tally {
  area: string;
  occupation: string;
  supply: number;
  demand: number;
  placed: number;
}

/**
 * Supply (looking workers, once per distinct major group they want), demand
 * (open positions) and hires per occupation × area, computed from scratch from
 * the projections, so replaying events never changes the result.
 */
export function computeSupplyDemand(
  workers: Iterable<WorkerProjection>,
  vacancies: ReadonlyMap<string, VacancyProjection>,
  placements: Iterable<PlacementProjection>,
  options: SupplyDemandOptions,
): SupplyDemandRow[] {
  const tallies = new Map<string, Tally>();
  const areaOf = (communeCode: string) => (options.level === 'province' ? options.provinceCode : communeCode);
  const tally = (area: string, occupation: string): Tally => {
    const key = `${area}|${occupation}`;
    let found = tallies.get(key);
    if (!found) tallies.set(key, (found = { area, occupation, supply: 0, demand: 0, placed: 0 }));
    return found;
  };
  for (const worker of workers) {
    if (!isJobSeeker(worker)) continue;
    for (const group of new Set(worker.occupations.map(majorGroupOf))) tally(areaOf(worker.communeCode), group).supply += 1;
  }
  for (const vacancy of vacancies.values()) {
    const open = openPositionsOf(vacancy);
    if (open > 0) tally(areaOf(vacancy.communeCode), majorGroupOf(vacancy.occupationCode)).demand += open;
  }
  for (const placement of placements) {
    // A hire whose vacancy is not (yet) known has no cell; it counts once the vacancy arrives.
    const vacancy = vacancies.get(placement.vacancyId);
    if (vacancy) tally(areaOf(vacancy.communeCode), majorGroupOf(vacancy.occupationCode)).placed += 1;
  }
  return [...tallies.values()]
    .sort((a, b) => a.area.localeCompare(b.area) || a.occupation.localeCompare(b.occupation))
    .map((t) => ({
      area: { level: options.level, code: t.area },
      occupation: { level: options.occupationLevel, code: t.occupation },
      jobSeekers: t.supply,
      openPositions: t.demand,
      placements: t.placed,
      supplyDemandRatio: supplyDemandRatio(t.supply, t.demand),
      shortageIndex: shortageIndex(t.supply, t.demand),
    }));
}
