import { describe, expect, it } from 'vitest';
import { computeSupplyDemand, majorGroupOf, openPositionsOf, shortageIndex, supplyDemandRatio } from '../../src/domain/supply-demand.js';
import { aPlacementProjection, aVacancyProjection, aWorkerProjection, byId } from '../mothers.js';

const province = { level: 'province', occupationLevel: 'major', provinceCode: '19' } as const;
const commune = { ...province, level: 'commune' } as const;

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

describe('computeSupplyDemand', () => {
  it('puts looking workers and open positions of a major group in one province cell', () => {
    const workers = [aWorkerProjection({ _id: 'w1' }), aWorkerProjection({ _id: 'w2', communeCode: '05500', occupations: ['7233'] })];
    const vacancies = [aVacancyProjection({ positions: 5, positionsFilled: 1 })];
    expect(computeSupplyDemand(workers, byId(vacancies), [], province)).toEqual([
      {
        area: { level: 'province', code: '19' },
        occupation: { level: 'major', code: '7' },
        jobSeekers: 2,
        openPositions: 4,
        placements: 0,
        supplyDemandRatio: 0.5,
        shortageIndex: (4 - 2) / (4 + 2),
      },
    ]);
  });

  it('splits cells by commune, sorted by area then occupation', () => {
    const workers = [aWorkerProjection({ _id: 'w1', communeCode: '05500' }), aWorkerProjection({ _id: 'w2', occupations: ['8160'] })];
    const vacancies = [aVacancyProjection({ occupationCode: '7212', communeCode: '05443' })];
    const cells = computeSupplyDemand(workers, byId(vacancies), [], commune);
    expect(cells.map((c) => [c.area.code, c.occupation.code, c.jobSeekers, c.openPositions])).toEqual([
      ['05443', '7', 0, 5],
      ['05443', '8', 1, 0],
      ['05500', '7', 1, 0],
    ]);
  });

  it('counts a worker once per distinct major group wanted', () => {
    const workers = [aWorkerProjection({ occupations: ['7212', '7233', '8160'] })];
    const cells = computeSupplyDemand(workers, new Map(), [], province);
    expect(cells.map((c) => [c.occupation.code, c.jobSeekers])).toEqual([
      ['7', 1],
      ['8', 1],
    ]);
  });

  it('leaves out workers not looking, placed or erased, and closed vacancies', () => {
    const workers = [
      aWorkerProjection({ _id: 'w1', status: 'not-looking' }),
      aWorkerProjection({ _id: 'w2', status: 'placed' }),
      aWorkerProjection({ _id: 'w3', erased: true }),
    ];
    const vacancies = [aVacancyProjection({ status: 'expired' }), aVacancyProjection({ _id: 'v2', status: 'withdrawn' })];
    expect(computeSupplyDemand(workers, byId(vacancies), [], province)).toEqual([]);
  });

  it('gives the same cells whatever the order of the projections', () => {
    const workers = [aWorkerProjection({ _id: 'a', communeCode: '05500' }), aWorkerProjection({ _id: 'b', occupations: ['2211'] })];
    const vacancies = [aVacancyProjection({ _id: 'x', occupationCode: '2211' }), aVacancyProjection({ _id: 'y', communeCode: '05500' })];
    expect(computeSupplyDemand([...workers].reverse(), byId([...vacancies].reverse()), [], commune)).toEqual(
      computeSupplyDemand(workers, byId(vacancies), [], commune),
    );
  });

  it("counts hires in the cell of their vacancy's occupation and commune, even once it closed", () => {
    const vacancies = byId([aVacancyProjection({ status: 'filled', positionsFilled: 5 }), aVacancyProjection({ _id: 'v2', occupationCode: '8160' })]);
    const placements = [aPlacementProjection(), aPlacementProjection({ _id: 'p2' }), aPlacementProjection({ _id: 'p3', vacancyId: 'v2' })];
    const cells = computeSupplyDemand([], vacancies, placements, commune);
    expect(cells.map((c) => [c.occupation.code, c.openPositions, c.placements])).toEqual([
      ['7', 0, 2],
      ['8', 5, 1],
    ]);
  });

  it('leaves out a hire whose vacancy is not known yet', () => {
    expect(computeSupplyDemand([], new Map(), [aPlacementProjection({ vacancyId: 'unknown' })], province)).toEqual([]);
  });
});
