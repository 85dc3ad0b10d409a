import { describe, expect, it } from 'vitest';
import { floorRate, floorRow, floorVerdict, type FloorFigures } from '../../src/floor-report.js';

/** 10,000 messages in 10 s: 500/s for the first 2 s, then 1,125/s. */
const floor = (over: Partial<FloorFigures> = {}): FloorFigures => ({
  messages: 10_000,
  received: 10_000,
  seconds: 10,
  points: Array.from({ length: 11 }, (_, s) => [s * 1000, s <= 2 ? s * 500 : 1000 + (s - 2) * 1125] as const),
  complete: true,
  ...over,
});

const cpu = { total: 1.5, byProcess: [{ name: 'kafka', ms: 0.9 }, { name: 'floor stage 1', ms: 0.6 }] };

describe('floorRate', () => {
  it('is the steady rate, without the start-up', () => {
    expect(floorRate(floor())).toBeCloseTo(1125, 0);
  });

  it('falls back on the mean when there is no curve', () => {
    expect(floorRate(floor({ points: [] }))).toBe(1000);
  });
});

describe('floorRow', () => {
  it('gives messages, seconds, mean and steady rates, its share of raw and the CPU per message', () => {
    expect(floorRow(floor(), 5000, cpu)).toEqual([
      'floor: 2 hops, 1 insertMany doc each, no logic',
      10_000,
      '10.0',
      '1,000',
      '1,125',
      '23%',
      'CPU 1.50 ms/msg (infrastructure, stages, bench)',
    ]);
  });

  it('says when not all came through', () => {
    expect(floorRow(floor({ received: 4000, complete: false }), 5000, cpu)[6]).toMatch(/^NOT all through \(4000 of 10000\)/);
  });
});

describe('floorVerdict', () => {
  const input = { rawRate: 5000, cpu, cores: 2, goal: 2000, goalShare: 0.3 };
  /** 10,000 messages in 3.3 s, 3,000/s steady. */
  const fast = floor({ points: [[0, 0], [1000, 3000], [2000, 6000], [3000, 9000], [3300, 10_000]], seconds: 3.3 });
  const cheap = { total: 0.4, byProcess: [] };

  it('gives the rate, the CPU per message by process, the cores kept busy and what the cores allow at that price', () => {
    const [first] = floorVerdict({ ...input, floor: floor() });
    expect(first).toBe(
      'floor: 1,125/s (23% of raw), 1.50 ms of CPU per message (kafka 0.90, floor stage 1 0.60); it kept 1.50 of 2 cores busy; at that price 2 cores allow at most 1,333/s',
    );
  });

  it('says the goal is out of reach whatever the services do when the floor alone costs more CPU than the cores give at the goal', () => {
    const [, second] = floorVerdict({ ...input, floor: floor() });
    expect(second).toBe(
      'goal ≥ 2,000/s and ≥ 30% of raw is reachable only if the floor is above it: its rate is NOT (56% of 2,000/s), its CPU is NOT (1.50 of the 1.00 ms 2 cores give a worker at 2,000/s) → NOT reachable with this stack on this machine, whatever the services do',
    );
  });

  it('leaves the services what the floor does not take when the floor is above the goal', () => {
    const [, second] = floorVerdict({ ...input, rawRate: 9000, cpu: cheap, floor: fast });
    expect(second).toBe(
      'goal ≥ 2,000/s and ≥ 30% of raw is reachable only if the floor is above it: its rate is (150% of 2,000/s), its CPU is (0.40 of the 1.00 ms 2 cores give a worker at 2,000/s) → reachable only if the services\' own work costs ≤ 0.60 ms of CPU per worker',
    );
  });

  it('takes the CPU a worker gets from the cores and the goal', () => {
    const [first, second] = floorVerdict({ ...input, cores: 4, goal: 1000, rawRate: 9000, cpu: cheap, floor: fast });
    expect(first).toMatch(/at that price 4 cores allow at most 10,000\/s$/);
    expect(second).toMatch(/its CPU is \(0.40 of the 4.00 ms 4 cores give a worker at 1,000\/s\) → reachable only if the services' own work costs ≤ 3.60 ms of CPU per worker$/);
  });

  it('tells a floor held back by latency (cores left over) from one held back by CPU', () => {
    const [, second] = floorVerdict({ ...input, cpu: { total: 0.8, byProcess: [] }, floor: floor() });
    expect(second).toMatch(/its rate is NOT \(56% of 2,000\/s\), its CPU is \(0.80 of the 1.00 ms .*→ NOT reached even without logic in this run, 1.20 of 2 cores not used by it \(other work on the machine, or idle while it waited on round trips\); /);
    expect(second).toMatch(/services' own work would have 0.20 ms of CPU per worker$/);
  });

  it('is NOT reached when the floor is fast enough but under 30% of raw, or did not complete', () => {
    expect(floorVerdict({ ...input, rawRate: 20_000, cpu: cheap, floor: fast })[1]).toMatch(/its rate is NOT \(150% of 2,000\/s\)/);
    expect(floorVerdict({ ...input, rawRate: 9000, cpu: cheap, floor: { ...fast, complete: false } })[1]).toMatch(/its rate is NOT \(150% of 2,000\/s, not all through\)/);
  });
});

describe('a structural floor', () => {
  const structural = floor({ name: 'structural floor', label: 'structural floor: 6 processes, 7 groups, 10 docs/worker, no logic', unit: 'worker', drainSeconds: 12.5 });

  it('has its own row, its CPU per worker', () => {
    const row = floorRow(structural, 5000, cpu);
    expect(row[0]).toBe('structural floor: 6 processes, 7 groups, 10 docs/worker, no logic');
    expect(row[6]).toBe('CPU 1.50 ms/worker (infrastructure, stages, bench)');
    expect(floorRow({ ...structural, complete: false, undrained: ['g on b', 'g on c'] }, 5000, cpu)[6]).toBe('NOT all through (10000 of 10000); 2 group/topic pairs not done; CPU 1.50 ms/worker (infrastructure, stages, bench)');
  });

  it('is named in the lines below the table, counts its CPU per worker, and its cores busy over the phase until every group is done', () => {
    const [first, second] = floorVerdict({ rawRate: 5000, cpu, cores: 2, goal: 2000, goalShare: 0.3, floor: structural });
    expect(first).toBe(
      'structural floor: 1,125/s (23% of raw), 1.50 ms of CPU per worker (kafka 0.90, floor stage 1 0.60); it kept 1.20 of 2 cores busy; at that price 2 cores allow at most 1,333/s',
    );
    expect(second).toMatch(/^goal ≥ 2,000\/s and ≥ 30% of raw is reachable only if the structural floor is above it: .*its CPU is NOT \(1.50 of the 1.00 ms .*→ NOT reachable with this stack on this machine, whatever the services do$/);
  });
});

