import { describe, expect, it } from 'vitest';
import { BatchPlan, scoredMatchDoc, withdrawnMatchDoc, type MatchDoc, type ProjectionChange, type VacancyView, type WorkerView } from '../../src/domain/projection-plan.js';
import { aMatch, noPriority } from '../mothers.js';

const worker = (workerId: string, version: number): ProjectionChange => ({
  kind: 'worker',
  view: { workerId, version, status: 'looking', consentToMatching: true, priority: noPriority, profile: {} as WorkerView['profile'] },
});
const erased = (workerId: string, version: number): ProjectionChange => ({ kind: 'worker-erased', workerId, version });
const vacancy = (vacancyId: string, version: number): ProjectionChange => ({ kind: 'vacancy', view: { vacancyId, version, employerId: 'e', title: `v${version}`, status: 'open' } });
const proposed = (workerId: string, at: string, offset: number): ProjectionChange => ({ kind: 'match', partition: 2, doc: scoredMatchDoc(aMatch('vacancy-1', workerId, 0.5, 1, at), String(offset)) });
const withdrawn = (workerId: string, at: string, offset: number): ProjectionChange => ({
  kind: 'match',
  partition: 2,
  doc: withdrawnMatchDoc({ matchId: `vacancy-1:${workerId}`, vacancyId: 'vacancy-1', workerId, reason: 'outranked', at }, String(offset)),
});

const plan = (known: { workers?: [string, number][]; vacancies?: VacancyView[]; matches?: MatchDoc[] } = {}) =>
  new BatchPlan(
    new Map(known.workers),
    new Map((known.vacancies ?? []).map((v) => [v.vacancyId, v])),
    new Map((known.matches ?? []).map((m) => [`${m.vacancyId}:${m.workerId}`, m])),
  );

describe('a batch plan judges each change as one event at a time would', () => {
  it('takes a later version and refuses an older or repeated one, within the batch and against memory', () => {
    const p = plan({ workers: [['w1', 3]] });
    expect([worker('w1', 2), worker('w1', 3), worker('w1', 4), worker('w2', 2), worker('w2', 1), worker('w2', 2)].map((c) => p.add(c))).toEqual([
      'duplicate',
      'duplicate',
      'ok',
      'ok',
      'duplicate',
      'duplicate',
    ]);
    expect(p.workerDocs.map((d) => d._id)).toEqual(['w1:4', 'w2:2']);
    expect(p.applied).toEqual([worker('w1', 4), worker('w2', 2)]);
  });

  it('counts an erasure as a version: older versions after it are duplicates, its document has no data', () => {
    const p = plan();
    expect([worker('w1', 1), erased('w1', 2), worker('w1', 1), worker('w1', 2)].map((c) => p.add(c))).toEqual(['ok', 'ok', 'duplicate', 'duplicate']);
    expect(p.workerDocs[1]).toEqual({ _id: 'w1:2', workerId: 'w1', version: 2, erased: true });
  });

  it('keeps vacancies by version', () => {
    const p = plan({ vacancies: [{ vacancyId: 'v1', version: 2, employerId: 'e', title: 't', status: 'open' }] });
    expect([vacancy('v1', 2), vacancy('v1', 3), vacancy('v1', 3), vacancy('v2', 1)].map((c) => p.add(c))).toEqual(['duplicate', 'ok', 'duplicate', 'ok']);
    expect(p.vacancyDocs.map((d) => d._id)).toEqual(['v1:3', 'v2:1']);
  });

  it('orders the match events of a pair by time, then offset; a redelivered offset is a duplicate', () => {
    const t1 = '2026-11-20T08:00:00.000Z';
    const t2 = '2026-11-21T08:00:00.000Z';
    const p = plan({ matches: [scoredMatchDoc(aMatch('vacancy-1', 'w1', 0.5, 1, t1), '10')] });
    expect([proposed('w1', t1, 10), proposed('w1', t1, 11), withdrawn('w1', t2, 12), proposed('w1', t1, 13), proposed('w2', t2, 14), proposed('w2', t2, 14)].map((c) => p.add(c))).toEqual([
      'duplicate',
      'ok',
      'ok',
      'duplicate',
      'ok',
      'duplicate',
    ]);
    expect(p.matchDocs.map((d) => [d._id, d.withdrawn ?? false])).toEqual([
      ['2:11', false],
      ['2:12', true],
      ['2:14', false],
    ]);
  });
});
