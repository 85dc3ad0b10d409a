import { testDatabase } from '@ketnoi/testing';
import type { Connection } from 'mongoose';
import { afterAll, describe, expect, it } from 'vitest';
import type { MatchDoc, ProjectionChange, VacancyView, WorkerView } from '../../src/repositories/projections.js';
import { Projections } from '../../src/repositories/projections.js';
import { noPriority } from '../mothers.js';

const t = (hour: number) => `2026-11-20T${String(hour).padStart(2, '0')}:00:00.000Z`;

/** A worker with every field set to something other than its default: a field lost on the way shows. */
const richWorker = (workerId: string, version: number): WorkerView => ({
  workerId,
  version,
  status: 'looking',
  consentToMatching: true,
  priority: { ...noPriority, ethnicMinority: true, youth: true },
  profile: {
    qualification: 'college',
    experienceYears: 7,
    communeCode: '05443',
    desiredOccupations: ['8212', '7212'],
    skills: ['soldering', 'forklift'],
    languages: [{ code: 'vi' }, { code: 'ko', level: 'TOPIK3' }],
  },
});

const vacancy = (vacancyId: string, version: number, title: string): VacancyView => ({ vacancyId, version, employerId: 'employer-st', title, status: 'open' });

const match = (vacancyId: string, workerId: string, score: number, at: string, seq: number): MatchDoc => ({
  matchId: `${vacancyId}:${workerId}`,
  vacancyId,
  workerId,
  score,
  rank: 3,
  factors: [
    { factor: 'occupation', value: 1, weight: 0.3, contribution: 0.3 },
    { factor: 'skills', value: 0.1 + 0.2, weight: 0.25, contribution: (0.1 + 0.2) * 0.25 },
    { factor: 'languages', value: 0, weight: 0.05, contribution: 0 },
  ],
  at,
  seq,
});

const withdrawal = (vacancyId: string, workerId: string, at: string, seq: number): MatchDoc => ({ ...match(vacancyId, workerId, 0, at, seq), rank: 0, factors: [], withdrawn: true });

/** A document as the code before compaction stored it. */
type OldDoc = Record<string, unknown> & { _id: string };

const asMatch = (doc: MatchDoc): ProjectionChange => ({ kind: 'match', partition: 0, doc });

async function reloaded(connection: Connection): Promise<Projections> {
  const projections = new Projections(connection);
  await projections.load();
  return projections;
}

describe('projection documents in the database', () => {
  const dbs: Awaited<ReturnType<typeof testDatabase>>[] = [];
  const open = async () => {
    const db = await testDatabase('jobfairs_storage');
    dbs.push(db);
    return db.connection;
  };

  afterAll(async () => {
    for (const db of dbs) await db.drop();
  });

  it('are stored as one JSON text each and load back to the same state, every field kept', async () => {
    const connection = await open();
    const projections = new Projections(connection);
    const outcomes = await projections.applyBatch([
      { kind: 'worker', view: richWorker('worker-r1', 1) },
      { kind: 'worker', view: richWorker('worker-r2', 4) },
      { kind: 'worker-erased', workerId: 'worker-r3', version: 2 },
      { kind: 'vacancy', view: vacancy('vacancy-ra', 3, 'Thợ hàn bậc 3') },
      asMatch(match('vacancy-ra', 'worker-r1', 0.8125, t(1), 0)),
      asMatch(match('vacancy-ra', 'worker-r2', 0.7, t(1), 1)),
      asMatch(withdrawal('vacancy-ra', 'worker-r2', t(2), 2)),
      asMatch(match('vacancy-ra', 'worker-r1', 0.9, t(1), 3)),
    ]);
    expect(outcomes).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok']);
    expect(projections.state().matches).toEqual([match('vacancy-ra', 'worker-r1', 0.9, t(1), 3)]);

    for (const name of ['worker_projection', 'vacancy_projection', 'match_projection']) {
      const docs = await connection.collection(name).find().toArray();
      // Nothing nested is stored: FerretDB converts nested documents field by field.
      const nested = docs.flatMap((doc) => Object.entries(doc).filter(([, v]) => typeof v === 'object' && v !== null && (!Array.isArray(v) || v.some((x) => typeof x === 'object'))));
      expect(nested).toEqual([]);
    }
    const restarted = await reloaded(connection);
    expect(restarted.state()).toStrictEqual(projections.state());
    expect(restarted.match('vacancy-ra', 'worker-r1')).toStrictEqual(projections.match('vacancy-ra', 'worker-r1'));
  });

  it('still loads documents stored in the nested shape before, alongside compact ones, in the same order', async () => {
    const connection = await open();
    // What a deployed database holds from before: each document's fields at the top level.
    await connection.collection<OldDoc>('worker_projection').insertMany([
      { _id: 'worker-o1:2', ...richWorker('worker-o1', 2) },
      { _id: 'worker-o2:1', ...richWorker('worker-o2', 1) },
      { _id: 'worker-o3:1', ...richWorker('worker-o3', 1) },
      { _id: 'worker-o3:2', workerId: 'worker-o3', version: 2, erased: true },
    ]);
    await connection.collection<OldDoc>('vacancy_projection').insertMany([{ _id: 'vacancy-oa:1', ...vacancy('vacancy-oa', 1, 'Công nhân may') }]);
    await connection.collection<OldDoc>('match_projection').insertMany([
      { _id: '0:10', ...match('vacancy-oa', 'worker-o1', 0.6, t(2), 10) },
      { _id: '0:11', ...match('vacancy-oa', 'worker-o2', 0.5, t(1), 11) },
      { _id: '0:12', ...withdrawal('vacancy-oa', 'worker-o2', t(1), 12) },
      { _id: '0:13', ...match('vacancy-oa', 'worker-o2', 0.55, t(1), 13) },
      { _id: '0:14', ...match('vacancy-oa', 'worker-o3', 0.4, t(1), 14) },
      // A later offset (of another partition) with an earlier time: `at` decides first.
      { _id: '1:15', ...match('vacancy-oa', 'worker-o1', 0.3, t(1), 15) },
    ]);

    const upgraded = await reloaded(connection);
    expect(upgraded.state()).toEqual({
      workers: [richWorker('worker-o1', 2), richWorker('worker-o2', 1)],
      vacancies: [vacancy('vacancy-oa', 1, 'Công nhân may')],
      workerVersions: [
        ['worker-o1', 2],
        ['worker-o2', 1],
        ['worker-o3', 2],
      ],
      matches: [match('vacancy-oa', 'worker-o1', 0.6, t(2), 10), match('vacancy-oa', 'worker-o2', 0.55, t(1), 13)],
    });

    // The new code writes compact documents next to the old ones, judged against them.
    expect(
      await upgraded.applyBatch([
        { kind: 'worker', view: richWorker('worker-o1', 1) },
        { kind: 'worker', view: { ...richWorker('worker-o2', 2), status: 'placed' } },
        { kind: 'vacancy', view: vacancy('vacancy-oa', 2, 'Công nhân may công nghiệp') },
        asMatch(match('vacancy-oa', 'worker-o1', 0.65, t(1), 20)),
        asMatch(match('vacancy-oa', 'worker-o2', 0.75, t(1), 21)),
      ]),
    ).toEqual(['duplicate', 'ok', 'ok', 'duplicate', 'ok']);
    // A compact one with the same trap, written by an instance that had not loaded.
    await new Projections(connection).applyBatch([asMatch(match('vacancy-oa', 'worker-o2', 0.2, t(0), 30))]);

    const mixed = await reloaded(connection);
    expect(mixed.state()).toStrictEqual(upgraded.state());
    expect(mixed.state().matches.map((m) => [m.workerId, m.score, m.seq])).toEqual([
      ['worker-o1', 0.6, 10],
      ['worker-o2', 0.75, 21],
    ]);
    expect(mixed.workers.get('worker-o2')?.status).toBe('placed');
    expect(mixed.vacancies.get('vacancy-oa')?.title).toBe('Công nhân may công nghiệp');
  });
});
