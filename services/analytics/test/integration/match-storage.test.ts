import { testDatabase } from '@ketnoi/testing';
import { afterAll, describe, expect, it } from 'vitest';
import type { MatchProjection } from '../../src/domain/projections.js';
import { ProjectionStore } from '../../src/repositories/projection-store.js';

const match = (n: number, who: Pick<MatchProjection, 'workerId' | 'traits'>): MatchProjection => ({
  _id: String(n).padStart(32, '0'),
  vacancyId: `vacancy-${n % 3}`,
  proposedAt: `2026-03-0${1 + (n % 5)}T08:00:00.000Z`,
  ...who,
});
const byId = (docs: MatchProjection[]) => [...docs].sort((a, b) => a._id.localeCompare(b._id));

describe('matches in the database', () => {
  const dbs: Awaited<ReturnType<typeof testDatabase>>[] = [];
  afterAll(async () => {
    for (const db of dbs) await db.drop();
  });

  it('load as they were saved, next to matches stored field by field before, and an erasure rewrites one in place', async () => {
    const db = await testDatabase('analytics_matches');
    dbs.push(db);
    // What a deployed database holds from before: each match's fields at the top level.
    const before = [match(1, { workerId: 'worker-1' }), match(2, { traits: ['female'] })];
    await db.connection.collection<{ _id: string }>('matches').insertMany(before.map((doc) => ({ ...doc })));
    const store = new ProjectionStore(db.connection);
    const saved = [match(3, { workerId: 'worker-3' }), match(4, { traits: ['youth-15-24', 'female'] }), match(5, { workerId: 'worker-5' })];
    await store.saveMany('matches', saved, () => true);
    // An erasure replaces worker-3's id by their groups (a replace by `_id`), and a retried batch saves one again.
    const scrubbed = match(3, { traits: ['ethnic-minority'] });
    await store.save('matches', scrubbed);
    await store.saveMany('matches', [saved[2]!], () => true);
    expect(byId(await store.load('matches'))).toStrictEqual(byId([...before, scrubbed, saved[1]!, saved[2]!]));
    expect(await db.connection.collection('matches').countDocuments()).toBe(5);
    expect(JSON.stringify(await db.connection.collection('matches').find().toArray())).not.toContain('worker-3');
  });
});
