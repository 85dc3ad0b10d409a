import { describe, expect, it } from 'vitest';
import { RecentlyApplied } from '../../src/consumers/recently-applied.js';

describe('RecentlyApplied', () => {
  it('knows the ids added, and forgets the oldest beyond its limit', () => {
    const recent = new RecentlyApplied(2);
    recent.add('e1');
    recent.add('e2');
    expect(recent.has('e1')).toBe(true);
    recent.add('e3');
    expect(recent.has('e1')).toBe(false);
    expect(recent.has('e2')).toBe(true);
    expect(recent.has('e3')).toBe(true);
  });

  it('counts an id added again as new', () => {
    const recent = new RecentlyApplied(2);
    recent.add('e1');
    recent.add('e2');
    recent.add('e1');
    recent.add('e3');
    expect(recent.has('e1')).toBe(true);
    expect(recent.has('e2')).toBe(false);
  });
});
