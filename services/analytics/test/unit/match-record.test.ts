import { describe, expect, it } from 'vitest';
import type { MatchProjection } from '../../src/domain/projections.js';
import { fromMatchRecord, isMatchRecord, toMatchRecord } from '../../src/repositories/match-record.js';

// What the database hands back: a plain copy.
const roundTrip = (doc: MatchProjection) => {
  const stored = JSON.parse(JSON.stringify(toMatchRecord(doc))) as object;
  expect(isMatchRecord(stored)).toBe(true);
  return fromMatchRecord(stored as ReturnType<typeof toMatchRecord>);
};

describe('a match as stored', () => {
  const proposed: MatchProjection = { _id: 'a'.repeat(32), vacancyId: 'vacancy-0001', proposedAt: '2026-03-01T08:00:00.000Z', workerId: 'worker-0001' };
  const erased: MatchProjection = { _id: 'b'.repeat(32), vacancyId: 'vacancy-0001', proposedAt: '2026-03-01T08:00:00.000Z', traits: ['female', 'youth-15-24'] };

  it('reads back exactly as it was, with a worker id or with the groups of an erased worker', () => {
    expect(roundTrip(proposed)).toStrictEqual(proposed);
    expect(roundTrip(erased)).toStrictEqual(erased);
    expect(roundTrip({ ...erased, traits: [] })).toStrictEqual({ ...erased, traits: [] });
  });

  it('is its id and one JSON text; an erased worker\'s groups a field of their own', () => {
    expect(Object.keys(toMatchRecord(proposed))).toEqual(['_id', 'match']);
    expect(toMatchRecord(erased)).toEqual({ _id: erased._id, match: expect.not.stringContaining('traits') as unknown, traits: erased.traits });
  });

  it('tells a record from a match stored field by field before', () => {
    expect(isMatchRecord(proposed)).toBe(false);
  });
});
