import { describe, expect, it } from 'vitest';
import { parentPid, pidTicks } from '../../src/bench.js';

describe('pidTicks and parentPid (/proc)', () => {
  it("reads this process's CPU ticks as Node counts them, its parent, and nothing for a pid that does not exist", () => {
    const spent = () => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1000;
    };
    let spin = 0;
    const start = spent();
    while (spent() < start + 50) for (let i = 0; i < 10_000; i += 1) spin += Math.sqrt(spin + i);
    const before = spent();
    const ticks = pidTicks(process.pid);
    const after = spent();
    // Ticks are 10 ms.
    expect(ticks * 10).toBeGreaterThan(before - 20);
    expect(ticks * 10).toBeLessThan(after + 20);
    expect(pidTicks(process.pid, true)).toBeGreaterThanOrEqual(ticks);
    expect(parentPid(process.pid)).toBe(String(process.ppid));
    expect(pidTicks(2 ** 22 + 7)).toBe(0);
    expect(parentPid(2 ** 22 + 7)).toBeUndefined();
    expect(spin).toBeGreaterThan(0);
  });
});
