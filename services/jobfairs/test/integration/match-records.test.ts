import { packDocument } from '@ketnoi/service-kit';
import { testDatabase } from '@ketnoi/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { scoredMatchDoc, withdrawnMatchDoc } from '../../src/domain/projection-plan.js';
import { Projections, type MatchDoc, type ProjectionChange } from '../../src/repositories/projections.js';
import { aMatch } from '../mothers.js';

const t = (hour: number) => `2026-11-20T${String(hour).padStart(2, '0')}:00:00.000Z`;
const scored = (workerId: string, score: number, at: string, seq: number): MatchDoc =>
  scoredMatchDoc({ ...aMatch('vacancy-mr', workerId, score, 2, at), factors: [{ factor: 'skills', value: 1 / 3, weight: 0.25, contribution: 1 / 12 }] }, String(seq));
const asChange = (doc: MatchDoc): ProjectionChange => ({ kind: 'match', partition: 1, doc });

describe('match events stored as records', () => {
  const dbs: Awaited<ReturnType<typeof testDatabase>>[] = [];
  afterAll(async () => {
    for (const db of dbs) await db.drop();
  });

  it('load next to those stored with their factors packed before, folded in the same order, and a redelivery writes nothing', async () => {
    const db = await testDatabase('jobfairs_match_records');
    dbs.push(db);
    const matches = db.connection.collection<{ _id: string }>('match_projection');
    // What the previous code stored: scalar fields at the top level, the factors in `stateJson`.
    await matches.insertMany([
      { ...packDocument(scored('worker-m1', 0.6, t(2), 10)), _id: '1:10' },
      { ...packDocument(scored('worker-m2', 0.5, t(1), 11)), _id: '1:11' },
    ] as { _id: string }[]);
    const upgraded = new Projections(db.connection);
    await upgraded.load();
    const batch = [
      // Older than the packed one of worker-m1 (`at` decides): a duplicate.
      asChange(scored('worker-m1', 0.9, t(1), 20)),
      asChange(withdrawnMatchDoc({ matchId: 'vacancy-mr:worker-m2', vacancyId: 'vacancy-mr', workerId: 'worker-m2', reason: 'outranked', at: t(2) }, '21')),
      asChange(scored('worker-m3', 0.7, t(3), 22)),
    ];
    expect(await upgraded.applyBatch(batch)).toEqual(['duplicate', 'ok', 'ok']);
    expect(await matches.countDocuments()).toBe(4);
    expect(await upgraded.applyBatch(batch)).toEqual(['duplicate', 'duplicate', 'duplicate']);

    const restarted = new Projections(db.connection);
    await restarted.load();
    expect(restarted.state()).toStrictEqual(upgraded.state());
    expect(restarted.state().matches.map((m) => [m.workerId, m.score, m.seq])).toEqual([
      ['worker-m1', 0.6, 10],
      ['worker-m3', 0.7, 22],
    ]);
    expect(restarted.match('vacancy-mr', 'worker-m3')?.factors).toEqual([{ factor: 'skills', value: 1 / 3, weight: 0.25, contribution: 1 / 12 }]);
    expect(await restarted.applyBatch(batch)).toEqual(['duplicate', 'duplicate', 'duplicate']);
    expect(await matches.countDocuments()).toBe(4);
  });
});
