import { describe, expect, it } from 'vitest';
import { wasApplied, withAppliedEvent } from '../../src/domain/applied-events.js';

describe('applied ingest events of a worker', () => {
  it('adds the event newest last and keeps only the last few', () => {
    expect(withAppliedEvent(undefined, 'e1')).toEqual(['e1']);
    expect(withAppliedEvent(['e1', 'e2', 'e3'], 'e4', 3)).toEqual(['e2', 'e3', 'e4']);
    expect(withAppliedEvent(['e1', 'e2'], 'e1')).toEqual(['e2', 'e1']);
  });

  it('leaves the list as it was for a change that came from elsewhere (HTTP)', () => {
    expect(withAppliedEvent(['e1'], undefined)).toEqual(['e1']);
    expect(withAppliedEvent(undefined, undefined)).toBeUndefined();
  });

  it('recognises an event applied before, and nothing without an id', () => {
    expect(wasApplied(['e1', 'e2'], 'e2')).toBe(true);
    expect(wasApplied(['e1'], 'e3')).toBe(false);
    expect(wasApplied(undefined, 'e1')).toBe(false);
    expect(wasApplied(['e1'], undefined)).toBe(false);
  });
});
