import { SERVICE_NAMES } from '@ketnoi/launcher';
import { describe, expect, it } from 'vitest';
import { planFaults, planRebalances } from '../../src/schedule.js';

describe('the fault schedule', () => {
  const options = { seed: 7, durationMs: 75_000, downSeconds: { min: 5, max: 10 } };

  it('kills every service, the broker and FerretDB at least once, in order, within the time', () => {
    const plan = planFaults(options);
    const targets = new Set(plan.map((f) => (f.kind === 'kill-service' ? f.service : f.kind)));
    expect(targets).toEqual(new Set([...SERVICE_NAMES, 'kill-kafka', 'stop-ferretdb']));
    expect(plan.map((f) => f.atMs)).toEqual([...plan.map((f) => f.atMs)].sort((a, b) => a - b));
    expect(plan.every((f) => f.atMs >= 0 && f.atMs < options.durationMs)).toBe(true);
    for (const f of plan) {
      if (f.kind === 'kill-service') continue;
      expect(f.downMs).toBeGreaterThanOrEqual(5_000);
      expect(f.downMs).toBeLessThanOrEqual(10_000);
    }
  });

  it('is the same for the same seed and differs for another', () => {
    expect(planFaults(options)).toEqual(planFaults(options));
    expect(planFaults({ ...options, seed: 8 })).not.toEqual(planFaults(options));
  });

  it('takes the broker and FerretDB down once per 150 s of faults', () => {
    const plan = planFaults({ ...options, durationMs: 300_000 });
    expect(plan.filter((f) => f.kind === 'kill-kafka')).toHaveLength(2);
    expect(plan.filter((f) => f.kind === 'stop-ferretdb')).toHaveLength(2);
    expect(plan.length).toBe(25);
  });

  it('adds and removes second instances of the scalable services, one at a time, within the time', () => {
    const plan = planRebalances({ seed: 7, durationMs: 300_000 });
    expect(plan.length).toBeGreaterThan(8);
    expect(new Set(plan.map((r) => r.service))).toEqual(new Set(['registration', 'notification']));
    for (let i = 1; i < plan.length; i += 1) expect(plan[i]!.atMs).toBeGreaterThan(plan[i - 1]!.atMs + plan[i - 1]!.lifeMs);
    expect(plan.at(-1)!.atMs).toBeLessThan(300_000);
  });
});
