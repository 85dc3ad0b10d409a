import { describe, expect, it } from 'vitest';
import { childPids, combinedUsage, cpuMsByName, cpuPerItem, cpuTicksOf, parentPidOf, rssBytesOf, sampleProcesses } from '../../src/proc.js';
import { burnCpu, cpuSpentMs } from '@ketnoi/testing';
import { spawn } from 'node:child_process';

describe('/proc parsing', () => {
  it('reads utime + stime after a command name holding spaces and parentheses', () => {
    // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime ...
    const stat = '4242 (node (worker) x) S 1 4242 4242 0 -1 4194560 100 0 0 0 1234 567 0 0 20 0 11 0 99 1000 200';
    expect(cpuTicksOf(stat)).toBe(1234 + 567);
  });

  it('reads the parent pid', () => {
    expect(parentPidOf('4242 (post gres) S 977 4242 4242 0 -1')).toBe(977);
  });

  it('refuses a line it cannot read', () => {
    expect(() => cpuTicksOf('garbage')).toThrow();
  });

  it('reads VmRSS in bytes', () => {
    expect(rssBytesOf('Name:\tnode\nVmPeak:\t  900 kB\nVmRSS:\t  123456 kB\nThreads:\t11\n')).toBe(123456 * 1024);
    expect(() => rssBytesOf('Name:\tkthreadd\n')).toThrow(/VmRSS/);
  });
});

describe('sampleProcesses', () => {
  it('measures the CPU time this process burns (as Node counts it), and leaves out a pid that does not exist', async () => {
    const sampler = await sampleProcesses([{ name: 'self', pid: process.pid }, { name: 'nobody', pid: 2 ** 22 + 7 }], 50);
    const start = cpuSpentMs();
    burnCpu(300);
    const usage = await sampler.stop();
    const cpu = (cpuSpentMs() - start) / 1000;
    expect(usage.map((u) => u.name)).toEqual(['self']);
    // Ticks are 10 ms; the sampler's own reads add a little.
    expect(usage[0]!.cpuSeconds).toBeGreaterThan(cpu - 0.05);
    expect(usage[0]!.cpuSeconds).toBeLessThan(cpu + 0.1);
    expect(usage[0]!.cpuPercent).toBeGreaterThan(0);
    expect(usage[0]!.peakRss).toBeGreaterThan(10 * 1024 * 1024);
  }, 30_000);
});

describe('cpuMsByName', () => {
  it("adds up the CPU time each name's processes used so far, as Node counts this one's, and counts a pid gone as 0", async () => {
    burnCpu(50);
    const before = cpuSpentMs();
    const used = await cpuMsByName([{ name: 'self', pid: process.pid }, { name: 'self', pid: 2 ** 22 + 7 }, { name: 'twice', pid: process.pid }, { name: 'twice', pid: process.pid }]);
    const after = cpuSpentMs();
    // Ticks are 10 ms.
    expect(used.get('self')).toBeGreaterThan(before - 20);
    expect(used.get('self')).toBeLessThan(after + 20);
    expect(used.get('twice')).toBeGreaterThan(2 * (before - 20));
  });
});

describe('childPids', () => {
  it('finds a child this process started; processes of one name are added up', async () => {
    const child = spawn('sleep', ['30']);
    try {
      await new Promise((done) => child.once('spawn', done));
      expect(await childPids(process.pid)).toContain(child.pid);
      // A sleeping process keeps its RSS: counted twice under one name, it is twice one count.
      const once = await (await sampleProcesses([{ name: 'one', pid: child.pid! }], 50)).stop();
      const twice = await (await sampleProcesses([{ name: 'two', pid: child.pid! }, { name: 'two', pid: child.pid! }], 50)).stop();
      expect(twice.map((u) => u.name)).toEqual(['two']);
      expect(once[0]!.peakRss).toBeGreaterThan(0);
      expect(twice[0]!.peakRss).toBe(2 * once[0]!.peakRss);
    } finally {
      child.kill();
    }
  });

  it('divides each process\'s CPU time over the items of a phase, largest first, leaving out the excluded', () => {
    const usage = [
      { name: 'kafka', cpuPercent: 20, cpuSeconds: 2, peakRss: 1 },
      { name: 'ferretdb', cpuPercent: 50, cpuSeconds: 5, peakRss: 1 },
      { name: 'bench (this process)', cpuPercent: 90, cpuSeconds: 9, peakRss: 1 },
    ];
    expect(cpuPerItem(usage, 1000, ['bench (this process)'])).toEqual({ total: 7, byProcess: [{ name: 'ferretdb', ms: 5 }, { name: 'kafka', ms: 2 }] });
    expect(cpuPerItem(usage, 0).total).toBeNaN();
  });

  it('adds two phases up per process: CPU seconds summed, the higher peak RSS, a process of one phase kept', () => {
    const ingest = [
      { name: 'kafka', cpuPercent: 20, cpuSeconds: 2, peakRss: 300 },
      { name: 'matching', cpuPercent: 10, cpuSeconds: 1, peakRss: 100 },
    ];
    const drain = [
      { name: 'kafka', cpuPercent: 5, cpuSeconds: 0.5, peakRss: 250 },
      { name: 'notification', cpuPercent: 80, cpuSeconds: 4, peakRss: 400 },
    ];
    const both = combinedUsage(ingest, drain);
    expect(both.map(({ name, cpuSeconds, peakRss }) => ({ name, cpuSeconds, peakRss }))).toEqual([
      { name: 'kafka', cpuSeconds: 2.5, peakRss: 300 },
      { name: 'matching', cpuSeconds: 1, peakRss: 100 },
      { name: 'notification', cpuSeconds: 4, peakRss: 400 },
    ]);
    expect(cpuPerItem(both, 1000).total).toBeCloseTo(7.5);
    expect(ingest[0]!.cpuSeconds).toBe(2);
  });
});
