import { describe, expect, it } from 'vitest';
import { scoredMatchDoc, withdrawnMatchDoc, type MatchDoc } from '../../src/domain/projection-plan.js';
import { fromMatchRecord, isMatchRecord, toMatchRecord } from '../../src/repositories/match-record.js';
import { aMatch } from '../mothers.js';

const roundTrip = (doc: MatchDoc) => {
  const record = toMatchRecord('3:1207', doc);
  // What the database hands back: a plain copy of the document.
  const stored = JSON.parse(JSON.stringify(record)) as object;
  expect(isMatchRecord(stored)).toBe(true);
  return fromMatchRecord(stored as typeof record);
};

describe('a match event as stored', () => {
  const scored = scoredMatchDoc(
    {
      ...aMatch('vacancy-r1', 'worker-r1', 0.1 + 0.2, 7, '2026-11-20T08:00:00.123Z'),
      factors: [
        { factor: 'occupation', value: 1, weight: 0.3, contribution: 0.3 },
        { factor: 'skills', value: 1 / 3, weight: 0.25, contribution: 0.25 / 3 },
        { factor: 'languages', value: 0, weight: 0.05, contribution: 0 },
      ],
    },
    '1207',
  );

  it('reads back exactly as it was: scores, factors, instant and offset', () => {
    expect(roundTrip(scored)).toStrictEqual(scored);
  });

  it('keeps a withdrawal a withdrawal, and a match not withdrawn without the flag', () => {
    const withdrawn = withdrawnMatchDoc({ matchId: 'vacancy-r1:worker-r1', vacancyId: 'vacancy-r1', workerId: 'worker-r1', reason: 'outranked', at: '2026-11-20T09:00:00.000Z' }, '1300');
    expect(roundTrip(withdrawn)).toStrictEqual(withdrawn);
    expect(roundTrip(scored)).not.toHaveProperty('withdrawn');
  });

  it('keeps a matchId of another form, and a factor with more than its four fields whole', () => {
    const odd = { ...scored, matchId: 'm-42', factors: [{ ...scored.factors[0]!, note: 'kept' } as MatchDoc['factors'][number]] };
    expect(roundTrip(odd)).toStrictEqual(odd);
  });

  it('stores one JSON text beside the id, nothing nested', () => {
    expect(Object.entries(toMatchRecord('3:1207', scored)).map(([key, value]) => [key, typeof value])).toEqual([
      ['_id', 'string'],
      ['match', 'string'],
    ]);
    expect(isMatchRecord({ _id: '0:1', ...scored })).toBe(false);
  });
});
