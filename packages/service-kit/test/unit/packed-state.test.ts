import { describe, expect, it } from 'vitest';
import { packState, unpackState } from '../../src/versioned/packed-state.js';

const roundTrip = (state: object) => {
  const { kept, packed } = packState(state);
  return unpackState(structuredClone(kept), packed);
};

describe('packed states', () => {
  it('keeps scalars and arrays of scalars as fields and packs nested objects into one JSON text', () => {
    const state = {
      status: 'active',
      hiredWorkerIds: ['wrk_1', 'wrk_2'],
      positions: 3,
      profile: { skills: [{ code: 'S1', level: 2 }], wishes: { shifts: ['day'] } },
      outcomes: [{ at: '2026-01-01', kind: 'hired' }],
    };
    const { kept, packed } = packState(state);
    expect(kept).toEqual({ status: 'active', hiredWorkerIds: ['wrk_1', 'wrk_2'], positions: 3 });
    expect(JSON.parse(packed!)).toEqual({ profile: state.profile, outcomes: state.outcomes });
    expect(roundTrip(state)).toEqual(state);
  });

  it('packs nothing when there is nothing nested', () => {
    expect(packState({ title: 'a', tags: ['x'], empty: [] })).toEqual({ kept: { title: 'a', tags: ['x'], empty: [] }, packed: undefined });
  });

  it('leaves as they are the fields JSON would change, so they read back the same', () => {
    const at = new Date('2026-01-02T03:04:05Z');
    const state = {
      when: { at },
      bytes: { data: Buffer.from('x') },
      gap: { a: undefined },
      odd: { n: Number.NaN },
      negativeZero: { n: -0 },
      plain: { n: 1 },
    };
    const { kept, packed } = packState(state);
    expect(Object.keys(kept)).toEqual(['when', 'bytes', 'gap', 'odd', 'negativeZero']);
    expect(JSON.parse(packed!)).toEqual({ plain: { n: 1 } });
    expect(kept.when).toEqual({ at });
  });

  it('never packs the fields it is told to keep', () => {
    expect(packState({ terms: { title: 't' }, other: { a: 1 } }, (field) => field === 'terms')).toEqual({
      kept: { terms: { title: 't' } },
      packed: '{"other":{"a":1}}',
    });
  });

  it('reads a state stored whole before packing, and lets a kept field changed later win over the text', () => {
    expect(unpackState({ title: 'old layout', nested: { a: 1 } }, undefined)).toEqual({ title: 'old layout', nested: { a: 1 } });
    expect(unpackState({ title: 'kept' }, '{"title":"stale","nested":{"a":1}}')).toEqual({ title: 'kept', nested: { a: 1 } });
  });
});
