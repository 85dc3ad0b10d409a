import { describe, expect, it } from 'vitest';
import { monthIndex } from '../../src/domain/age.js';
import { compileVacancy } from '../../src/domain/compile-vacancy.js';
import { compileWorker } from '../../src/domain/compile-worker.js';
import { explain } from '../../src/domain/explain.js';
import { DEFAULT_SCORING, scoringConfigSchema, type ScoringConfig } from '../../src/domain/scoring-config.js';
import { scoringContext } from '../../src/domain/scoring-context.js';
import { aVacancy, aWorker, testTables } from '../mothers.js';

const NOW = monthIndex('2026-11');

function judge(worker = aWorker(), vacancy = aVacancy(), config: ScoringConfig = DEFAULT_SCORING) {
  const tables = testTables();
  const ctx = scoringContext(tables, config, NOW);
  const result = explain(ctx, compileWorker(worker, tables), compileVacancy(vacancy, tables, config));
  const value = (factor: string) => result.factors.find((f) => f.factor === factor)?.value;
  return { ...result, value };
}

describe('scoring v1: factors', () => {
  it('scores a perfect pair 1 with every factor at 1 and records the scoring version', () => {
    const result = judge();
    expect(result.matched).toBe(true);
    expect(result.score).toBeCloseTo(1, 12);
    expect(result.scoringVersion).toBe(DEFAULT_SCORING.version);
    expect(result.factors.every((f) => f.value === 1 && f.contribution === f.weight)).toBe(true);
  });

  it.each([
    ['7212', 1],
    ['7213', 0.75],
    ['7222', 0.5],
    ['7', 0.25],
    ['2512', 0],
  ])('occupation follows the ISCO hierarchy: desired %s vs 7212 is %s', (code, expected) => {
    expect(judge(aWorker({ desiredOccupations: [code] })).value('occupation')).toBe(expected);
  });

  it('takes the best of several desired occupations', () => {
    expect(judge(aWorker({ desiredOccupations: ['2512', '7213'] })).value('occupation')).toBe(0.75);
  });

  it('gives skills weighted coverage with partial credit through the taxonomy', () => {
    const vacancy = aVacancy({}, { skills: [{ code: 'welding', mustHave: false, weight: 0.75 }, { code: 'electronics', mustHave: false, weight: 0.25 }] });
    expect(judge(aWorker(), vacancy).value('skills')).toBeCloseTo(0.75, 12);
    // metalwork is welding's parent: 0.7 of the welding weight
    expect(judge(aWorker({ skills: [{ code: 'metalwork', level: 2 }] }), vacancy).value('skills')).toBeCloseTo(0.7 * 0.75, 12);
    expect(judge(aWorker(), aVacancy({}, { skills: [] })).value('skills')).toBe(1);
  });

  it('normalises skill weights once at compile time: shares add up to 1, all zero means equal shares', () => {
    const tables = testTables();
    const compile = (weights: number[]) =>
      compileVacancy(aVacancy({}, { skills: weights.map((weight, i) => ({ code: ['welding', 'electronics', 'metalwork'][i]!, mustHave: false, weight })) }), tables, DEFAULT_SCORING)
        .skillWeights;
    const shares = compile([0.6, 0.2]);
    expect(shares[0]).toBeCloseTo(0.75, 12);
    expect(shares[1]).toBeCloseTo(0.25, 12);
    expect([...compile([0, 0, 0])]).toEqual([1 / 3, 1 / 3, 1 / 3]);
    const unnormalised = aVacancy({}, { skills: [{ code: 'welding', mustHave: false, weight: 0.3 }, { code: 'electronics', mustHave: false, weight: 0.1 }] });
    expect(judge(aWorker(), unnormalised).value('skills')).toBeCloseTo(0.75, 12);
  });

  it('grades qualification: met 1, one level short 0.5, more 0', () => {
    expect(judge(aWorker({ qualification: 'university' })).value('qualification')).toBe(1);
    expect(judge(aWorker({ qualification: 'elementary' })).value('qualification')).toBe(0.5);
    expect(judge(aWorker({ qualification: 'none' })).value('qualification')).toBe(0);
  });

  it('grades location by commute distance against the limit, or willingness to move', () => {
    const far = aVacancy({}, { communeCode: '01864' }); // Bằng Thành, far north
    expect(judge(aWorker(), far).value('location')).toBe(0);
    expect(judge(aWorker({ willingToRelocate: true }), far).value('location')).toBe(DEFAULT_SCORING.relocateValue);
    expect(judge(aWorker({ willingToRelocate: true }), aVacancy({}, { communeCode: '01864', housingOffered: true })).value('location')).toBe(
      DEFAULT_SCORING.relocateWithHousingValue,
    );
    const near = judge(aWorker(), aVacancy({}, { communeCode: '05518' })).value('location')!;
    expect(near).toBeGreaterThan(0.5);
    expect(near).toBeLessThan(1);
  });

  it('grades wage: within the range 1, falling to 0 at 50% above the top; hourly wages compared per month', () => {
    expect(judge(aWorker({ expectedWageVnd: 12_000_000 })).value('wage')).toBe(1);
    expect(judge(aWorker({ expectedWageVnd: 15_000_000 })).value('wage')).toBeCloseTo(0.5, 12);
    expect(judge(aWorker({ expectedWageVnd: 18_000_000 })).value('wage')).toBe(0);
    const hourly = aVacancy({}, { wagePeriod: 'hour', wageMinVnd: 40_000, wageMaxVnd: 50_000 }); // 10.4M a month
    expect(judge(aWorker({ expectedWageVnd: 10_000_000 }), hourly).value('wage')).toBe(1);
  });

  it('grades experience as the share of the minimum, capped at 1', () => {
    expect(judge(aWorker({ experienceYears: 1 })).value('experience')).toBe(0.5);
    expect(judge(aWorker({ experienceYears: 10 })).value('experience')).toBe(1);
  });

  it('grades languages as the share of the vacancy languages spoken at the level', () => {
    const vacancy = aVacancy({}, { languages: [{ code: 'en', minLevel: 'B1', required: false }, { code: 'ja', minLevel: 'N3', required: false }] });
    expect(judge(aWorker({ languages: [{ code: 'en', level: 'B2' }] }), vacancy).value('languages')).toBe(0.5);
    expect(judge(aWorker({ languages: [{ code: 'en', level: 'A2' }] }), vacancy).value('languages')).toBe(0);
  });
});

describe('scoring v1: hard filters', () => {
  it.each([
    ['vacancy-not-open', aWorker(), aVacancy({ status: 'paused' })],
    ['vacancy-not-open', aWorker(), aVacancy({ positionsFilled: 5 })],
    ['worker-not-looking', aWorker({ status: 'not-looking' }), aVacancy()],
    ['no-consent', aWorker({ consentToMatching: false }), aVacancy()],
    ['worker-placed', aWorker({ status: 'placed' }), aVacancy()],
    ['missing-must-have-skill', aWorker({ skills: [{ code: 'metalwork', level: 3 }] }), aVacancy({}, { skills: [{ code: 'welding', mustHave: true, weight: 1 }] })],
    ['missing-certificate', aWorker(), aVacancy({}, { certificates: ['driving-licence-c'] })],
    ['missing-required-language', aWorker(), aVacancy({}, { languages: [{ code: 'ko', minLevel: 'TOPIK3', required: true }] })],
    ['missing-required-language', aWorker({ languages: [{ code: 'ko', level: 'TOPIK2' }] }), aVacancy({}, { languages: [{ code: 'ko', minLevel: 'TOPIK3', required: true }] })],
    ['age-out-of-range', aWorker(), aVacancy({}, { maxAge: 25 })],
    ['below-minimum-score', aWorker({ desiredOccupations: ['2512'], skills: [], qualification: 'none', experienceYears: 0 }), aVacancy()],
  ] as const)('fails %s', (reason, worker, vacancy) => {
    const result = judge(worker, vacancy);
    expect(result).toMatchObject({ matched: false, score: null, failed: reason });
  });

  it('accepts a must-have through a narrower skill and a licence through a higher class', () => {
    expect(judge(aWorker({ skills: [{ code: 'welding', level: 3 }] }), aVacancy({}, { skills: [{ code: 'metalwork', mustHave: true, weight: 1 }] })).matched).toBe(true);
    expect(judge(aWorker({ certificates: ['driving-licence-c'] }), aVacancy({}, { certificates: ['driving-licence-b'] })).matched).toBe(true);
    expect(judge(aWorker({ languages: [{ code: 'ko', level: 'TOPIK4' }] }), aVacancy({}, { languages: [{ code: 'ko', minLevel: 'TOPIK3', required: true }] })).matched).toBe(true);
  });
});

describe('scoring v1: legal working age', () => {
  it('never matches anyone under 15', () => {
    expect(judge(aWorker({ birthMonth: '2012-01' })).failed).toBe('under-minimum-working-age');
  });

  it('keeps under-18s away from work closed to minors: listed occupations and night shifts', () => {
    const minor = aWorker({ birthMonth: '2010-06', desiredOccupations: ['8121'] });
    expect(judge(minor, aVacancy({}, { occupationCode: '8121', skills: [] })).failed).toBe('work-closed-to-minors');
    expect(judge(aWorker({ birthMonth: '2010-06' }), aVacancy({}, { shifts: ['night'] })).failed).toBe('work-closed-to-minors');
    expect(judge(aWorker({ birthMonth: '2010-06' })).matched).toBe(true);
  });

  it('counts the birth month itself as not yet of age (birth day unknown)', () => {
    const night = aVacancy({}, { shifts: ['night'] });
    expect(judge(aWorker({ birthMonth: '2008-11' }), night).failed).toBe('work-closed-to-minors');
    expect(judge(aWorker({ birthMonth: '2008-10' }), night).matched).toBe(true);
  });
});

describe('scoring v1: priority boost', () => {
  const poor = aWorker({ priority: { ...aWorker().priority, poorHousehold: true } });

  it('adds the configured boost for a priority group, and more when the vacancy welcomes it', () => {
    expect(judge(poor).score).toBeCloseTo(1 + DEFAULT_SCORING.priorityBoost, 12);
    expect(judge(poor).boost).toEqual({ groups: ['poorHousehold'], amount: DEFAULT_SCORING.priorityBoost });
    const welcoming = aVacancy({}, { welcomedGroups: ['poorHousehold'] });
    expect(judge(poor, welcoming).score).toBeCloseTo(1 + DEFAULT_SCORING.priorityBoost + DEFAULT_SCORING.welcomedBoost, 12);
    expect(judge(poor, aVacancy({}, { welcomedGroups: ['disability'] })).score).toBeCloseTo(1 + DEFAULT_SCORING.priorityBoost, 12);
  });

  it('never turns a non-match into a match', () => {
    const weak = { ...poor, desiredOccupations: ['2512'], skills: [], qualification: 'none' as const, experienceYears: 0 };
    expect(judge(weak).failed).toBe('below-minimum-score');
  });

  it('is configurable, and zero turns it off', () => {
    const config = scoringConfigSchema.parse({ ...DEFAULT_SCORING, version: 'no-boost', priorityBoost: 0, welcomedBoost: 0 });
    expect(judge(poor, aVacancy(), config).score).toBeCloseTo(1, 12);
  });
});

describe('scoring config', () => {
  it('refuses weights that do not add up to 1', () => {
    expect(scoringConfigSchema.safeParse({ ...DEFAULT_SCORING, weights: { ...DEFAULT_SCORING.weights, wage: 0.5 } }).success).toBe(false);
  });
});
