import { describe, expect, it } from 'vitest';
import { computeExposure } from '../../src/domain/exposure.js';
import { traitsOf } from '../../src/domain/traits.js';
import { aWorkerProjection } from '../mothers.js';

describe('exposure audit', () => {
  it('gives each group its share of matches and hires against its share of job seekers', () => {
    const report = computeExposure({
      jobSeekers: [
        { traits: ['ethnicMinority'], count: 25 },
        { traits: ['female'], count: 25 },
        { traits: [], count: 50 },
      ],
      matches: [['ethnicMinority'], ['female'], [], [], undefined],
      placements: [['ethnicMinority', 'female'], []],
    });
    const minority = report.groups.find((g) => g.group === 'ethnicMinority');
    expect(minority).toEqual({
      group: 'ethnicMinority',
      jobSeekerShare: 0.25,
      matches: 1,
      matchShare: 0.25, // 1 of the 4 matches whose worker is known
      placements: 1,
      placementShare: 0.5,
      matchExposureRatio: 1,
      placementExposureRatio: 2,
    });
    expect(report.totals).toEqual({ jobSeekers: 100, matches: 5, placements: 2, unknownWorkers: 1 });
    expect(report.groups.find((g) => g.group === 'disability')).toMatchObject({ jobSeekerShare: 0, matchShare: 0, matchExposureRatio: null });
  });

  it('has no shares without job seekers, matches or hires', () => {
    const report = computeExposure({ jobSeekers: [], matches: [], placements: [] });
    expect(report.groups.every((g) => g.jobSeekerShare === null && g.matchShare === null && g.placementShare === null)).toBe(true);
  });

  it("takes a worker's groups: priority flags, women, and youth by age on the day", () => {
    const worker = aWorkerProjection({ gender: 'female', birthMonth: '2000-06', priority: { ...aWorkerProjection().priority, poorHousehold: true } });
    expect(traitsOf(worker, '2024-05-31')).toEqual(['poorHousehold', 'female', 'youth-15-24', 'youth-15-29']);
    expect(traitsOf(worker, '2025-06-01')).toEqual(['poorHousehold', 'female', 'youth-15-29']);
    expect(traitsOf(worker, '2030-06-01')).toEqual(['poorHousehold', 'female']);
  });
});
