import { describe, expect, it } from 'vitest';
import { nextAttempt, restartDelay } from '../../src/supervisor/backoff.js';

const policy = { initialMs: 500, maxMs: 30_000, resetAfterMs: 60_000 };

describe('restart backoff', () => {
  it('doubles from the initial delay and never goes above the maximum', () => {
    expect([1, 2, 3, 4].map((n) => restartDelay(n, policy))).toEqual([500, 1000, 2000, 4000]);
    expect(restartDelay(7, policy)).toBe(30_000);
    expect(restartDelay(50, policy)).toBe(30_000);
  });

  it('starts over after a run that lasted long enough, and counts up after a quick crash', () => {
    expect(nextAttempt(5, 59_999, policy)).toBe(6);
    expect(nextAttempt(5, 60_000, policy)).toBe(1);
  });
});
