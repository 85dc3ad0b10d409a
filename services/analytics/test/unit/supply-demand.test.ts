import { describe, expect, it } from 'vitest';
import type { MatchProjection } from '../../src/domain/projections.js';
import {
  computeSupplyDemand,
  majorGroupOf,
  openPositionsOf,
  shortageIndex,
  supplyDemandRatio,
  type SupplyDemandOptions,
} from '../../src/domain/supply-demand.js';
import { MatchCounts } from '../../src/domain/match-counts.js';
import { aPlacementProjection, aVacancyProjection, aWorkerProjection, byId, testAreas, weighed } from '../mothers.js';
import type { PlacementProjection, VacancyProjection, WorkerProjection } from '../../src/domain/projections.js';

const province = { ...testAreas, level: 'province', occupationLevel: 'major', asOf: '2026-11-26' } as const;
const commune = { ...province, level: 'commune' } as const;

const countsOf = (matches: readonly MatchProjection[]): MatchCounts => {
  const counts = new MatchCounts();
  for (const m of matches) counts.add(m.vacancyId, m.proposedAt);
  return counts;
};
const compute = (
  workers: WorkerProjection[],
  vacancies: VacancyProjection[],
  placements: PlacementProjection[],
  options: SupplyDemandOptions,
  matches: MatchProjection[] = [],
) => computeSupplyDemand({ stock: weighed(workers), registered: weighed(workers), vacancies: byId(vacancies), placements, matchCounts: countsOf(matches).values() }, options);
const numbers = (rows: ReturnType<typeof compute>) => rows.map((c) => [c.area.code, c.occupation.code, c.jobSeekers, c.openPositions]);

describe('supply and demand formulas', () => {
  it('takes the ISCO major group from the first digit', () => {
    expect(majorGroupOf('7212')).toBe('7');
    expect(majorGroupOf('2')).toBe('2');
  });

  it('gives a shortage index in [-1, 1]: 1 only demand, -1 only supply, 0 balanced or empty', () => {
    expect(shortageIndex(0, 5)).toBe(1);
    expect(shortageIndex(5, 0)).toBe(-1);
    expect(shortageIndex(3, 3)).toBe(0);
    expect(shortageIndex(0, 0)).toBe(0);
    expect(shortageIndex(1, 3)).toBeCloseTo(0.5);
  });

  it('gives the ratio of job seekers to open positions, null without positions', () => {
    expect(supplyDemandRatio(6, 3)).toBe(2);
    expect(supplyDemandRatio(6, 0)).toBeNull();
  });

  it('counts the unfilled positions of open vacancies only', () => {
    expect(openPositionsOf(aVacancyProjection({ positions: 5, positionsFilled: 2 }))).toBe(3);
    expect(openPositionsOf(aVacancyProjection({ positions: 5, positionsFilled: 7 }))).toBe(0);
    expect(openPositionsOf(aVacancyProjection({ status: 'paused' }))).toBe(0);
    expect(openPositionsOf(aVacancyProjection({ status: 'filled' }))).toBe(0);
  });
});

describe('computeSupplyDemand: stocks', () => {
  it('puts looking workers and open positions of a major group in one province cell', () => {
    const workers = [aWorkerProjection({ _id: 'w1' }), aWorkerProjection({ _id: 'w2', communeCode: '05500', occupations: ['7233'] })];
    const [row] = compute(workers, [aVacancyProjection({ positions: 5, positionsFilled: 1 })], [], province);
    expect(row).toMatchObject({
      area: { level: 'province', code: '19' },
      occupation: { level: 'major', code: '7' },
      dimensions: {},
      jobSeekers: 2,
      openPositions: 4,
      placements: 0,
      supplyDemandRatio: 0.5,
      shortageIndex: (4 - 2) / (4 + 2),
    });
  });

  it('weighs a combination of the cube by its count', () => {
    const rows = computeSupplyDemand({ stock: [{ worker: aWorkerProjection(), count: 1000 }], registered: [], vacancies: new Map(), placements: [] }, province);
    expect(rows.map((r) => r.jobSeekers)).toEqual([1000]);
  });

  it('splits cells by commune, sorted by area then occupation', () => {
    const workers = [aWorkerProjection({ _id: 'w1', communeCode: '05500' }), aWorkerProjection({ _id: 'w2', occupations: ['8160'] })];
    expect(numbers(compute(workers, [aVacancyProjection()], [], commune))).toEqual([
      ['05443', '7', 0, 5],
      ['05443', '8', 1, 0],
      ['05500', '7', 1, 0],
    ]);
  });

  it('groups by former district: the worker\'s own, or the commune\'s from the reference data', () => {
    const workers = [aWorkerProjection({ _id: 'w1', formerDistrictCode: '164' }), aWorkerProjection({ _id: 'w2', communeCode: '05500' })];
    expect(numbers(compute(workers, [aVacancyProjection()], [], { ...province, level: 'former-district' }))).toEqual([
      ['054', '7', 0, 5],
      ['055', '7', 1, 0],
      ['164', '7', 1, 0],
    ]);
  });

  it('groups by sub-major and unit group; a code coarser than the level has no cell there', () => {
    const workers = [aWorkerProjection({ _id: 'w1', occupations: ['7212', '7'] }), aWorkerProjection({ _id: 'w2', occupations: ['7233'] })];
    expect(numbers(compute(workers, [aVacancyProjection()], [], { ...province, occupationLevel: 'sub-major' }))).toEqual([['19', '72', 2, 5]]);
    expect(numbers(compute(workers, [aVacancyProjection()], [], { ...province, occupationLevel: 'unit' }))).toEqual([
      ['19', '7212', 1, 5],
      ['19', '7233', 1, 0],
    ]);
  });

  it('counts a worker once per distinct occupation at the level', () => {
    const rows = compute([aWorkerProjection({ occupations: ['7212', '7233', '8160'] })], [], [], province);
    expect(rows.map((c) => [c.occupation.code, c.jobSeekers])).toEqual([
      ['7', 1],
      ['8', 1],
    ]);
  });

  it('counts registered workers by status, leaves the erased and closed vacancies out of the stocks', () => {
    const workers = [
      aWorkerProjection({ _id: 'w1', status: 'not-looking' }),
      aWorkerProjection({ _id: 'w2', status: 'placed' }),
      aWorkerProjection({ _id: 'w3', erased: true }),
      aWorkerProjection({ _id: 'w4' }),
    ];
    const vacancies = [aVacancyProjection({ status: 'expired' }), aVacancyProjection({ _id: 'v2', status: 'withdrawn' })];
    const [row] = compute(workers, vacancies, [], province);
    expect(row?.jobSeekers).toBe(1);
    expect(row?.openPositions).toBe(0);
    expect(row?.supply?.byStatus).toEqual({ looking: 1, notLooking: 1, placed: 1 });
  });

  it('gives the same cells whatever the order of the projections', () => {
    const workers = [aWorkerProjection({ _id: 'a', communeCode: '05500' }), aWorkerProjection({ _id: 'b', occupations: ['2211'] })];
    const vacancies = [aVacancyProjection({ _id: 'x', occupationCode: '2211' }), aVacancyProjection({ _id: 'y', communeCode: '05500' })];
    expect(compute([...workers].reverse(), [...vacancies].reverse(), [], commune)).toEqual(compute(workers, vacancies, [], commune));
  });

  it("counts hires in the cell of their vacancy's occupation and commune, even once it closed", () => {
    const vacancies = [aVacancyProjection({ status: 'filled', positionsFilled: 5 }), aVacancyProjection({ _id: 'v2', occupationCode: '8160' })];
    const placements = [aPlacementProjection(), aPlacementProjection({ _id: 'p2' }), aPlacementProjection({ _id: 'p3', vacancyId: 'v2' })];
    expect(compute([], vacancies, placements, commune).map((c) => [c.occupation.code, c.openPositions, c.placements])).toEqual([
      ['7', 0, 2],
      ['8', 5, 1],
    ]);
  });

  it('leaves out a hire whose vacancy is not known yet', () => {
    expect(compute([], [], [aPlacementProjection({ vacancyId: 'unknown' })], province)).toEqual([]);
  });
});

describe('computeSupplyDemand: dimensions and filters', () => {
  const workers = [
    aWorkerProjection({ _id: 'w1', gender: 'female', birthMonth: '2004-05', priority: { ...aWorkerProjection().priority, ethnicMinority: true, disability: true } }),
    aWorkerProjection({ _id: 'w2', gender: 'male', birthMonth: '1980-01', qualification: 'university' }),
  ];
  const vacancies = [
    aVacancyProjection({ _id: 'v1', fdi: true, vsicSector: 'C26', positions: 10 }),
    aVacancyProjection({ _id: 'v2', fdi: false, vsicSector: 'F41', positions: 3, minQualification: 'university' }),
  ];

  it('groups supply by gender, age band and priority group, with demand unknown (null)', () => {
    const rows = compute(workers, vacancies, [], { ...province, groupBy: ['gender', 'ageBand'] });
    expect(rows.map((r) => [r.dimensions, r.jobSeekers, r.openPositions, r.shortageIndex])).toEqual([
      [{ gender: 'female', ageBand: '15-24' }, 1, null, null],
      [{ gender: 'male', ageBand: '40-49' }, 1, null, null],
    ]);
    const byGroup = compute(workers, vacancies, [], { ...province, groupBy: ['priority'] });
    expect(byGroup.map((r) => [r.dimensions.priority, r.jobSeekers])).toEqual([
      ['disability', 1],
      ['ethnicMinority', 1],
      ['none', 1],
    ]);
  });

  it('groups demand by sector and FDI, with supply unknown (null)', () => {
    const rows = compute(workers, vacancies, [], { ...province, groupBy: ['sector', 'fdi'] });
    expect(rows.map((r) => [r.dimensions, r.jobSeekers, r.openPositions])).toEqual([
      [{ sector: 'C', fdi: 'fdi' }, null, 10],
      [{ sector: 'F', fdi: 'domestic' }, null, 3],
    ]);
  });

  it('groups both sides by qualification: supply has it, demand requires it', () => {
    const rows = compute(workers, vacancies, [], { ...province, groupBy: ['qualification'] });
    expect(rows.map((r) => [r.dimensions.qualification, r.jobSeekers, r.openPositions])).toEqual([
      ['intermediate', 1, 10],
      ['university', 1, 3],
    ]);
  });

  it('filters on youth (15–24 or 15–29), area, occupation and sector', () => {
    expect(compute(workers, vacancies, [], { ...province, filters: { ageBand: 'youth-15-29' } }).map((r) => r.jobSeekers)).toEqual([1]);
    expect(compute(workers, vacancies, [], { ...province, filters: { area: '05500' } })).toEqual([]);
    expect(numbers(compute(workers, vacancies, [], { ...province, filters: { area: '054' } }))).toEqual([['19', '7', 2, 13]]);
    expect(compute(workers, vacancies, [], { ...province, filters: { occupation: '8' } })).toEqual([]);
    expect(compute(workers, vacancies, [], { ...province, filters: { sector: 'F' } }).map((r) => [r.jobSeekers, r.openPositions])).toEqual([[null, 3]]);
  });
});

describe('computeSupplyDemand: flows in a period', () => {
  it('counts registrations, vacancies opened, filled and expired, matches, hires, time to fill and the placement rate', () => {
    const workers = [
      aWorkerProjection({ _id: 'w1', registeredDay: '2026-01-05', status: 'placed' }),
      aWorkerProjection({ _id: 'w2', registeredDay: '2026-02-10' }),
      aWorkerProjection({ _id: 'w3', registeredDay: '2026-04-01' }),
    ];
    const vacancies = [
      aVacancyProjection({ _id: 'v1', status: 'filled', positions: 4, openedAt: '2026-01-10T01:00:00.000Z', closedAt: '2026-01-20T01:00:00.000Z' }),
      aVacancyProjection({ _id: 'v2', status: 'filled', positions: 2, openedAt: '2026-02-01T01:00:00.000Z', closedAt: '2026-03-03T01:00:00.000Z' }),
      aVacancyProjection({ _id: 'v3', status: 'expired', positions: 1, openedAt: '2025-12-01T01:00:00.000Z', closedAt: '2026-02-01T01:00:00.000Z' }),
      aVacancyProjection({ _id: 'v4', positions: 5, openedAt: '2026-05-01T01:00:00.000Z' }),
    ];
    const placements = [aPlacementProjection({ _id: 'p1', vacancyId: 'v1', hiredAt: '2026-01-19T01:00:00.000Z' }), aPlacementProjection({ _id: 'p2', vacancyId: 'v4', hiredAt: '2026-05-02T01:00:00.000Z' })];
    const matches = [
      { _id: 'm1', vacancyId: 'v1', proposedAt: '2026-01-11T01:00:00.000Z' },
      { _id: 'm2', vacancyId: 'v4', proposedAt: '2026-05-01T01:00:00.000Z' },
    ];
    const [q1] = compute(workers, vacancies, placements, { ...province, period: '2026-Q1' }, matches);
    expect(q1?.supply).toMatchObject({ newJobSeekers: 2, placementRate: 0.5 });
    expect(q1?.demand).toEqual({
      openPositions: 5,
      newVacancies: 2,
      newPositions: 6,
      filledVacancies: 2,
      expiredVacancies: 1,
      matchesProposed: 1,
      placements: 1,
      meanDaysToFill: (10 + 30) / 2,
    });
    const [january] = compute(workers, vacancies, placements, { ...province, period: '2026-01' }, matches);
    expect(january?.demand).toMatchObject({ newVacancies: 1, filledVacancies: 1, meanDaysToFill: 10, placements: 1 });
    expect(january?.supply).toMatchObject({ newJobSeekers: 1, placementRate: 1 });
    const [allTime] = compute(workers, vacancies, placements, province, matches);
    expect(allTime?.demand).toMatchObject({ newVacancies: 4, placements: 2, matchesProposed: 2 });
  });

  it('places an instant in its Vietnamese day: 17:30 UTC on 31 March is 1 April', () => {
    const vacancies = [aVacancyProjection({ openedAt: '2026-03-31T17:30:00.000Z' })];
    expect(compute([], vacancies, [], { ...province, period: '2026-Q2' })[0]?.demand?.newVacancies).toBe(1);
    expect(compute([], vacancies, [], { ...province, period: '2026-Q1' })[0]?.demand?.newVacancies).toBe(0);
  });
});

describe('computeSupplyDemand: proposals counted per vacancy and day', () => {
  const vacancies = [aVacancyProjection({ _id: 'v1' }), aVacancyProjection({ _id: 'v2', occupationCode: '8160', communeCode: '05500' })];
  // Around midnight in Vietnam (17:00 UTC), in two quarters, on two vacancies, one of a vacancy not known (yet).
  const matches: MatchProjection[] = [
    '2026-03-31T16:59:59.999Z',
    '2026-03-31T17:00:00.000Z',
    '2026-03-31T17:00:00.000Z',
    '2026-05-02T03:00:00.000Z',
  ].flatMap((proposedAt, i) => [
    { _id: `m${i}a`, vacancyId: 'v1', proposedAt },
    { _id: `m${i}b`, vacancyId: i % 2 ? 'v2' : 'v-unknown', proposedAt },
  ]);
  const counted = (period?: string) => compute([], vacancies, [], { ...commune, ...(period === undefined ? {} : { period }) }, matches);
  const proposed = (rows: ReturnType<typeof compute>) => rows.map((r) => [r.area.code, r.occupation.code, r.demand?.matchesProposed]);

  it('counts a vacancy\'s proposals on their Vietnamese day', () => {
    expect(proposed(counted('2026-02'))).toEqual([
      ['05443', '7', 0],
      ['05500', '8', 0],
    ]);
    expect(proposed(counted('2026-03-31'))).toEqual([
      ['05443', '7', 1],
      ['05500', '8', 0],
    ]);
    expect(proposed(counted('2026-04-01'))).toEqual([
      ['05443', '7', 2],
      ['05500', '8', 1],
    ]);
    expect(proposed(counted())).toEqual([
      ['05443', '7', 4],
      ['05500', '8', 2],
    ]);
  });
});
