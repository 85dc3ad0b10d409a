import { describe, expect, it } from 'vitest';
import { burnCpu, cpuSpentMs, parentPid, pidTicks, statTail } from '../../src/bench.js';

describe('pidTicks and parentPid (/proc)', () => {
  it("reads this process's CPU ticks as Node counts them, its parent, and nothing for a pid that does not exist", () => {
    burnCpu(50);
    const before = cpuSpentMs();
    const ticks = pidTicks(process.pid);
    const after = cpuSpentMs();
    // Ticks are 10 ms.
    expect(ticks * 10).toBeGreaterThan(before - 20);
    expect(ticks * 10).toBeLessThan(after + 20);
    expect(pidTicks(process.pid, true)).toBeGreaterThanOrEqual(ticks);
    expect(parentPid(process.pid)).toBe(String(process.ppid));
    expect(pidTicks(2 ** 22 + 7)).toBe(0);
    expect(parentPid(2 ** 22 + 7)).toBeUndefined();
  });

  it('reads the fields after a command name holding spaces and parentheses', () => {
    // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime ...
    const fields = statTail('4242 (node (worker) x) S 977 4242 4242 0 -1 4194560 100 0 0 0 1234 567 0 0 20');
    expect([fields[0], fields[1], fields[11], fields[12]]).toEqual(['S', '977', '1234', '567']);
  });
});
