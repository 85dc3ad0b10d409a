import { supplyDemandCell } from '@ketnoi/contracts';
import { describe, expect, it } from 'vitest';
import { retiredCell, toCells } from '../../src/domain/supply-demand-cells.js';
import { computeSupplyDemand } from '../../src/domain/supply-demand.js';
import { aVacancyProjection, aWorkerProjection, byId, testAreas, weighed } from '../mothers.js';

const day = '2026-11-26';
const at = '2026-11-26T03:00:00.000Z';
const later = '2026-11-26T04:00:00.000Z';
const options = { ...testAreas, level: 'commune', occupationLevel: 'major', asOf: day } as const;
const cellsOf = (workers = [aWorkerProjection()], vacancies = [aVacancyProjection()], when = at, period = day) =>
  toCells(computeSupplyDemand({ stock: weighed(workers), registered: weighed(workers), vacancies: byId(vacancies), placements: [] }, options), period, when);

describe('supply-demand cells', () => {
  it('are valid contract cells keyed by period, area and occupation', () => {
    const [cell] = cellsOf();
    expect(cell?.key).toBe('2026-11-26|commune:05443|major:7');
    expect(supplyDemandCell.parse(cell)).toEqual(cell);
  });

  it('leave out cells with neither job seekers, open positions nor hires', () => {
    expect(cellsOf([aWorkerProjection({ status: 'not-looking' })], [])).toEqual([]);
  });

  it("zeroes the day's cells that disappeared, not the earlier days'", () => {
    const [today] = cellsOf();
    const [yesterday] = cellsOf([aWorkerProjection({ communeCode: '05500' })], [], at, '2026-11-25');
    expect(retiredCell(today!, day, later)).toEqual(
      expect.objectContaining({ key: '2026-11-26|commune:05443|major:7', jobSeekers: 0, openPositions: 0, placements: 0, supplyDemandRatio: null, shortageIndex: 0, computedAt: later }),
    );
    expect(retiredCell(yesterday!, day, later)).toBeUndefined();
  });
});
