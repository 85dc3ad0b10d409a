import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../src/index.js';

const backoff = { initialMs: 100, maxMs: 1_000 };

describe('backoffDelay', () => {
  it('doubles from the initial wait and never goes above the maximum', () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, backoff))).toEqual([100, 200, 400, 800, 1_000]);
    expect(backoffDelay(50, backoff)).toBe(1_000);
  });

  it('stays finite for an attempt count no one will reach, and treats attempt 0 as the first', () => {
    expect(backoffDelay(100_000, backoff)).toBe(1_000);
    expect(backoffDelay(0, backoff)).toBe(100);
  });

  it('with jitter, waits between half and all of the ceiling', () => {
    const jittered = { ...backoff, jitter: true };
    expect(backoffDelay(1, jittered, () => 0)).toBe(50);
    expect(backoffDelay(1, jittered, () => 1)).toBe(100);
    expect(backoffDelay(3, jittered, () => 0.5)).toBe(300);
    expect(backoffDelay(20, jittered, () => 1)).toBe(1_000);
  });

  it('ignores the random source without jitter', () => {
    expect(backoffDelay(3, backoff, () => 0)).toBe(400);
  });
});
