import { describe, expect, it } from 'vitest';
import { lagBehind, ms, percentile, perSecond, steadyRate, summarize } from '../../src/stats.js';

describe('percentile (nearest rank)', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1, unsorted

  it('takes the nearest rank of the sorted samples', () => {
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 100)).toBe(100);
    expect(percentile(hundred, 0)).toBe(1);
    expect(percentile([7, 3, 5], 50)).toBe(5);
  });

  it('lets one slow sample in a hundred show at p99 but not at p50', () => {
    const samples = [...Array.from({ length: 98 }, () => 10), 10, 5_000];
    expect(percentile(samples, 50)).toBe(10);
    expect(percentile(samples, 99)).toBe(10);
    expect(percentile([...samples, 5_000], 99)).toBe(5_000);
  });

  it('is NaN without samples and refuses a percentile outside 0..100', () => {
    expect(percentile([], 50)).toBeNaN();
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });

  it('does not reorder the caller\'s array', () => {
    const samples = [3, 1, 2];
    percentile(samples, 50);
    expect(samples).toEqual([3, 1, 2]);
  });
});

describe('summarize', () => {
  it('gives count, p50, p99 and max', () => {
    expect(summarize([4, 1, 3, 2])).toEqual({ count: 4, p50: 2, p99: 4, max: 4 });
    expect(summarize([]).count).toBe(0);
  });
});

describe('steadyRate', () => {
  it('measures between 10% and 90% of the total, leaving out a slow start and tail', () => {
    // 2 s of start-up with nothing, then 100/s for 10 s, then a 5 s tail of 10 more.
    const points: [number, number][] = [[0, 0], [2_000, 0]];
    for (let s = 1; s <= 10; s += 1) points.push([2_000 + s * 1000, s * 100]);
    points.push([17_000, 1_010]);
    expect(steadyRate(points)).toBeCloseTo(100, 5);
  });

  it('falls back to the whole span when the curve is too coarse, and is 0 when nothing moved', () => {
    expect(steadyRate([[0, 0], [1_000, 50]])).toBe(50);
    expect(steadyRate([[0, 0], [1_000, 0]])).toBe(0);
    expect(steadyRate([[0, 0]])).toBeNaN();
  });
});

describe('formatting', () => {
  it('shows small milliseconds with a decimal and rates with thousands separators', () => {
    expect(ms(3.14159)).toBe('3.1');
    expect(ms(1234.4)).toBe('1234');
    expect(ms(Number.NaN)).toBe('–');
    expect(perSecond(12_345.6)).toBe('12,346');
    expect(perSecond(6.25)).toBe('6.3');
  });
});

describe('lagBehind', () => {
  const writes: [number, number][] = [[0, 0], [500, 40], [1000, 100]];

  it('gives how long after the lead the follower reached each share of the total', () => {
    const published: [number, number][] = [[0, 0], [500, 10], [1000, 60], [1500, 90], [2000, 100]];
    expect(lagBehind(writes, published)).toEqual([0, 500, 1000]);
  });

  it('is NaN where the follower never got there, and may be negative', () => {
    expect(lagBehind(writes, [[0, 0], [500, 95]])).toEqual([-500, -500, Number.NaN]);
  });
});
