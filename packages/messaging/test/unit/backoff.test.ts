import { describe, expect, it } from 'vitest';
import { backoffMs } from '../../src/index.js';

const policy = { attempts: 5, initialMs: 100, maxMs: 1_000 };

describe('backoffMs', () => {
  it('doubles the ceiling each attempt, between half and all of it', () => {
    expect(backoffMs(1, policy, () => 0)).toBe(50);
    expect(backoffMs(1, policy, () => 1)).toBe(100);
    expect(backoffMs(3, policy, () => 1)).toBe(400);
  });

  it('never waits longer than maxMs', () => {
    expect(backoffMs(20, policy, () => 1)).toBe(1_000);
  });
});
