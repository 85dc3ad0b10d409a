import { type AreaLevel, type AreaResolver, type ExtraDimension, type OccupationLevel, SIDES, areaAt, inArea, occupationAt, vacancyValue, workerValues } from './dimensions.js';
import { matchesAgeFilter } from './age-band.js';
import { daysBetween, inPeriod } from './periods.js';
import { vietnamDayOf } from './local-day.js';
import type { MatchCount } from './match-counts.js';
import type { PlacementProjection, VacancyProjection, WorkerProjection } from './projections.js';

export type { AreaLevel, OccupationLevel } from './dimensions.js';

export interface SupplyDemandFilters {
  /** A province, former-district or commune code the place must be in. */
  area?: string;
  /** An ISCO-08 code prefix (7, 72, 7212). */
  occupation?: string;
  sector?: string;
  fdi?: 'fdi' | 'domestic';
  qualification?: string;
  gender?: string;
  /** A band (15-24, 30-39…) or youth-15-24 / youth-15-29. */
  ageBand?: string;
  priority?: string;
}

export interface SupplyDemandOptions extends AreaResolver {
  level: AreaLevel;
  occupationLevel: OccupationLevel;
  groupBy?: readonly ExtraDimension[];
  filters?: SupplyDemandFilters;
  /** Flows (new, filled, hires…) within this period (day, month, quarter or year); all time when absent. */
  period?: string;
  /** The day ages are computed on (YYYY-MM-DD); today when absent. */
  asOf?: string;
}

export interface SupplyDemandSources {
  /** Workers with a weight: the cube's combinations, or workers one by one (count 1); read twice without a period. */
  stock: readonly { worker: WorkerProjection; count: number }[];
  /** Workers (weighted) registered in the period, or a superset: those registered outside it are left out here. Without a period the stock is read instead. */
  registered: Iterable<{ worker: WorkerProjection; count: number }>;
  vacancies: ReadonlyMap<string, VacancyProjection>;
  placements: Iterable<PlacementProjection>;
  /** The matches proposed, counted per vacancy and Vietnam day (`MatchCounts`): a few per vacancy, not every match. */
  matchCounts?: Iterable<MatchCount>;
}

export interface SupplySide {
  jobSeekers: number;
  byStatus: { looking: number; notLooking: number; placed: number };
  newJobSeekers: number;
  /** Of the workers registered in the period, the share placed by now (cohort placement rate); null with none. */
  placementRate: number | null;
}

export interface DemandSide {
  openPositions: number;
  newVacancies: number;
  newPositions: number;
  filledVacancies: number;
  expiredVacancies: number;
  matchesProposed: number;
  placements: number;
  /** Mean days from opening to being filled, of the vacancies filled in the period; null with none. */
  meanDaysToFill: number | null;
}

/** One cell: area × occupation × the extra dimensions asked for. A side that does not know a dimension asked for is null. */
export interface SupplyDemandRow {
  area: { level: AreaLevel; code: string };
  occupation: { level: OccupationLevel; code: string };
  dimensions: Partial<Record<ExtraDimension, string>>;
  jobSeekers: number | null;
  openPositions: number | null;
  placements: number | null;
  /** Job seekers per open position; null when no position is open or a side is unknown. */
  supplyDemandRatio: number | null;
  /** (demand − supply) / (demand + supply): 1 all demand (shortage), −1 all supply (surplus), 0 balanced or empty. */
  shortageIndex: number | null;
  supply: SupplySide | null;
  demand: DemandSide | null;
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
  dimensions: Partial<Record<ExtraDimension, string>>;
  supply: SupplySide & { cohort: number; cohortPlaced: number };
  demand: DemandSide & { fillDays: number };
}

const emptyTally = (area: string, occupation: string, dimensions: Tally['dimensions']): Tally => ({
  area,
  occupation,
  dimensions,
  supply: { jobSeekers: 0, byStatus: { looking: 0, notLooking: 0, placed: 0 }, newJobSeekers: 0, placementRate: null, cohort: 0, cohortPlaced: 0 },
  demand: {
    openPositions: 0,
    newVacancies: 0,
    newPositions: 0,
    filledVacancies: 0,
    expiredVacancies: 0,
    matchesProposed: 0,
    placements: 0,
    meanDaysToFill: null,
    fillDays: 0,
  },
});

/** Every combination of the values of several dimensions. */
const combinations = (values: [ExtraDimension, string[]][]): Partial<Record<ExtraDimension, string>>[] =>
  values.reduce<Partial<Record<ExtraDimension, string>>[]>(
    (acc, [dimension, options]) => acc.flatMap((partial) => options.map((value) => ({ ...partial, [dimension]: value }))),
    [{}],
  );

/**
 * Supply (workers, once per distinct occupation at the level they want),
 * demand (vacancies' positions), flows and hires per cell, computed from
 * scratch from the projections, so replaying events never changes the result.
 */
export function computeSupplyDemand(sources: SupplyDemandSources, options: SupplyDemandOptions): SupplyDemandRow[] {
  const groupBy = options.groupBy ?? [];
  const filters = Object.fromEntries(Object.entries(options.filters ?? {}).filter(([, v]) => v !== undefined)) as SupplyDemandFilters;
  const asOf = options.asOf ?? vietnamDayOf(new Date());
  const asked = new Set<ExtraDimension>([...groupBy, ...(Object.keys(filters) as (keyof SupplyDemandFilters)[]).filter((k): k is ExtraDimension => k !== 'area' && k !== 'occupation')]);
  const supplyKnown = [...asked].every((d) => SIDES[d].supply);
  const demandKnown = [...asked].every((d) => SIDES[d].demand);
  const tallies = new Map<string, Tally>();
  const tallyOf = (area: string, occupation: string, dimensions: Tally['dimensions']): Tally => {
    const key = JSON.stringify([area, occupation, groupBy.map((d) => dimensions[d])]);
    let found = tallies.get(key);
    if (!found) tallies.set(key, (found = emptyTally(area, occupation, dimensions)));
    return found;
  };
  const occupationsOf = (codes: readonly string[]): string[] => {
    const wanted = filters.occupation === undefined ? codes : codes.filter((c) => c.startsWith(filters.occupation ?? ''));
    return [...new Set(wanted.map((c) => occupationAt(c, options.occupationLevel)).filter((c): c is string => c !== undefined))];
  };

  const workerCells = (worker: WorkerProjection): Tally[] => {
    if (filters.area !== undefined && !inArea(filters.area, worker.communeCode, options, worker.formerDistrictCode)) return [];
    const values: [ExtraDimension, string[]][] = [];
    for (const dimension of asked) {
      const own = workerValues(worker, dimension, asOf);
      const wanted = filters[dimension];
      const kept = wanted === undefined ? own : own.filter((v) => (dimension === 'ageBand' ? matchesAgeFilter(v, wanted) : v === wanted));
      if (kept.length === 0) return [];
      if (groupBy.includes(dimension)) values.push([dimension, kept]);
    }
    const area = areaAt(options.level, worker.communeCode, options, worker.formerDistrictCode);
    return occupationsOf(worker.occupations).flatMap((occupation) => combinations(values).map((dims) => tallyOf(area, occupation, dims)));
  };

  const vacancyCell = (vacancy: VacancyProjection): Tally | undefined => {
    if (filters.area !== undefined && !inArea(filters.area, vacancy.communeCode, options)) return undefined;
    const [occupation] = occupationsOf([vacancy.occupationCode]);
    if (occupation === undefined) return undefined;
    const dims: Tally['dimensions'] = {};
    for (const dimension of asked) {
      const value = vacancyValue(vacancy, dimension) ?? '';
      const wanted = filters[dimension];
      if (wanted !== undefined && !(dimension === 'sector' ? value === wanted.slice(0, 1) : value === wanted)) return undefined;
      if (groupBy.includes(dimension)) dims[dimension] = value;
    }
    return tallyOf(areaAt(options.level, vacancy.communeCode, options), occupation, dims);
  };

  if (supplyKnown) {
    for (const { worker, count } of sources.stock) {
      if (worker.erased) continue;
      for (const tally of workerCells(worker)) {
        if (worker.status === 'looking') tally.supply.jobSeekers += count;
        tally.supply.byStatus[worker.status === 'not-looking' ? 'notLooking' : worker.status] += count;
      }
    }
    const registeredIn = inPeriod(options.period ?? '0000');
    const registered =
      options.period === undefined
        ? sources.stock
        : [...sources.registered].filter(({ worker }) => worker.registeredDay !== undefined && registeredIn(worker.registeredDay));
    for (const { worker, count } of registered) {
      for (const tally of workerCells(worker)) {
        tally.supply.newJobSeekers += count;
        tally.supply.cohort += count;
        if (worker.status === 'placed') tally.supply.cohortPlaced += count;
      }
    }
  }
  if (demandKnown) {
    const period = options.period === undefined ? undefined : inPeriod(options.period);
    const within = (instant: string | undefined): boolean => instant !== undefined && (period === undefined || period(vietnamDayOf(new Date(instant))));
    for (const vacancy of sources.vacancies.values()) {
      const tally = vacancyCell(vacancy);
      if (!tally) continue;
      tally.demand.openPositions += openPositionsOf(vacancy);
      if (within(vacancy.openedAt)) {
        tally.demand.newVacancies += 1;
        tally.demand.newPositions += vacancy.positions;
      }
      if (within(vacancy.closedAt) && vacancy.status === 'filled') {
        tally.demand.filledVacancies += 1;
        tally.demand.fillDays += daysBetween(vacancy.openedAt ?? vacancy.closedAt ?? '', vacancy.closedAt ?? '');
      }
      if (within(vacancy.closedAt) && vacancy.status === 'expired') tally.demand.expiredVacancies += 1;
    }
    for (const placement of sources.placements) {
      // A hire whose vacancy is not (yet) known has no cell; it counts once the vacancy arrives.
      const vacancy = sources.vacancies.get(placement.vacancyId);
      const tally = vacancy && within(placement.hiredAt) ? vacancyCell(vacancy) : undefined;
      if (tally) tally.demand.placements += 1;
    }
    for (const { vacancyId, day, count } of sources.matchCounts ?? []) {
      const vacancy = sources.vacancies.get(vacancyId);
      const tally = vacancy && (period === undefined || period(day)) ? vacancyCell(vacancy) : undefined;
      if (tally) tally.demand.matchesProposed += count;
    }
  }

  return [...tallies.values()]
    .sort((a, b) => a.area.localeCompare(b.area) || a.occupation.localeCompare(b.occupation) || JSON.stringify(a.dimensions).localeCompare(JSON.stringify(b.dimensions)))
    .map((t) => toRow(t, options, supplyKnown, demandKnown))
    .filter((row) => isNotEmpty(row));
}

function toRow(t: Tally, options: SupplyDemandOptions, supplyKnown: boolean, demandKnown: boolean): SupplyDemandRow {
  const { cohort, cohortPlaced, ...supply } = t.supply;
  const { fillDays, ...demand } = t.demand;
  const both = supplyKnown && demandKnown;
  return {
    area: { level: options.level, code: t.area },
    occupation: { level: options.occupationLevel, code: t.occupation },
    dimensions: t.dimensions,
    jobSeekers: supplyKnown ? supply.jobSeekers : null,
    openPositions: demandKnown ? demand.openPositions : null,
    placements: demandKnown ? demand.placements : null,
    supplyDemandRatio: both ? supplyDemandRatio(supply.jobSeekers, demand.openPositions) : null,
    shortageIndex: both ? shortageIndex(supply.jobSeekers, demand.openPositions) : null,
    supply: supplyKnown ? { ...supply, placementRate: cohort === 0 ? null : cohortPlaced / cohort } : null,
    demand: demandKnown ? { ...demand, meanDaysToFill: demand.filledVacancies === 0 ? null : fillDays / demand.filledVacancies } : null,
  };
}

/** A cell with nothing in it at all (e.g. a worker not looking, with no flow in the period) is left out. */
function isNotEmpty(row: SupplyDemandRow): boolean {
  const s = row.supply;
  const d = row.demand;
  const supplyAny = s !== null && (s.jobSeekers > 0 || s.byStatus.notLooking > 0 || s.byStatus.placed > 0 || s.newJobSeekers > 0);
  const demandAny = d !== null && Object.values(d).some((v) => typeof v === 'number' && v > 0);
  return supplyAny || demandAny;
}
