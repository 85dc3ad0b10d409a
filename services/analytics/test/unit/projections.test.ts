import { describe, expect, it } from 'vitest';
import { computeSupplyDemand } from '../../src/domain/supply-demand.js';
import { Projections, type ProjectionChange, type ProjectionDocs, type ProjectionKind } from '../../src/use-cases/projections.js';
import { supplyDemandOf } from '../../src/use-cases/supply-demand-of.js';
import { MemorySink } from '../memory-sink.js';
import { aMatch, aPlacement, aVacancy, aWorker, testAreas } from '../mothers.js';

const options = { ...testAreas, level: 'commune', occupationLevel: 'major', asOf: '2026-11-26' } as const;
const cellsOf = (p: Projections) => supplyDemandOf(p, options);
const erasure = (version: number, workerId = 'worker-0001') => ({ workerId, version, erasedAt: '2026-06-01T00:00:00.000Z' });

/** A short history: registrations, a change of status, a vacancy partly filled, then closed. */
async function replay(projections: Projections): Promise<string[]> {
  return [
    await projections.applyWorker(aWorker({ workerId: 'w1' })),
    await projections.applyWorker(aWorker({ workerId: 'w2', communeCode: '05500' })),
    await projections.applyWorker(aWorker({ workerId: 'w2', version: 2, communeCode: '05500', status: 'not-looking' })),
    await projections.applyVacancy(aVacancy({ vacancyId: 'v1' })),
    await projections.applyVacancy(aVacancy({ vacancyId: 'v1', version: 2, positionsFilled: 2 })),
    await projections.applyVacancy(aVacancy({ vacancyId: 'v2', status: 'open' }, { occupationCode: '8160' })),
    await projections.applyVacancy(aVacancy({ vacancyId: 'v2', version: 2, status: 'filled', positionsFilled: 5 }, { occupationCode: '8160' })),
    await projections.applyPlacement(aPlacement({ placementId: 'p1', vacancyId: 'v1' })),
    await projections.applyPlacement(aPlacement({ placementId: 'p2', vacancyId: 'v2' })),
    await projections.applyMatchProposed(aMatch({ matchId: 'v1:w1', vacancyId: 'v1', workerId: 'w1' })),
    await projections.applyNotification({ notificationId: 'n1', recipientKind: 'worker', channel: 'sms', at: '2026-03-01T08:00:00.000Z' }, 'sent'),
  ];
}
const numbers = (p: Projections) => cellsOf(p).map((c) => [c.area.code, c.occupation.code, c.jobSeekers, c.openPositions, c.placements, c.demand?.matchesProposed]);

describe('Projections', () => {
  it('applies each version once: replaying the whole history changes nothing', async () => {
    const projections = new Projections(new MemorySink());
    expect(await replay(projections)).toEqual(Array(11).fill('applied'));
    const first = cellsOf(projections);
    expect(numbers(projections)).toEqual([
      ['05443', '7', 1, 3, 1, 1],
      ['05443', '8', 0, 0, 1, 0],
      // w2 is registered but not looking: a cell with no job seeker.
      ['05500', '7', 0, 0, 0, 0],
    ]);
    expect(await replay(projections)).toEqual(Array(11).fill('duplicate'));
    expect(cellsOf(projections)).toEqual(first);
  });

  it('ignores a version older than the one applied (out of order delivery)', async () => {
    const projections = new Projections(new MemorySink());
    await projections.applyWorker(aWorker({ version: 3, status: 'placed' }));
    expect(await projections.applyWorker(aWorker({ version: 2, status: 'looking' }))).toBe('duplicate');
    expect(projections.workers.get('worker-0001')?.status).toBe('placed');
  });

  it('keeps an erased worker counted as before but no longer as a job seeker, with no birth month or skills', async () => {
    const sink = new MemorySink();
    const projections = new Projections(sink);
    await projections.applyWorker(aWorker({ skills: [{ code: 'welding', level: 3 }] }));
    expect(await projections.eraseWorker(erasure(2))).toBe('applied');
    expect(await projections.eraseWorker(erasure(2))).toBe('duplicate');
    expect(await projections.eraseWorker(erasure(1, 'never-seen'))).toBe('unknown');
    const erased = sink.docs.workers.get('worker-0001');
    expect(erased).toMatchObject({ erased: true, version: 2, ageBand: '30-39', registeredDay: '2026-01-05' });
    expect(erased).not.toHaveProperty('birthMonth');
    expect(erased).not.toHaveProperty('skills');
    expect(cellsOf(projections).map((c) => [c.jobSeekers, c.supply?.newJobSeekers])).toEqual([[0, 1]]);
    // The registration still counts in its period.
    expect(supplyDemandOf(projections, { ...options, period: '2026-01' }).map((c) => c.supply?.newJobSeekers)).toEqual([1]);
  });

  it("replaces the erased worker's id in their matches and hires by the groups the audit needs", async () => {
    const sink = new MemorySink();
    const projections = new Projections(sink);
    await projections.applyWorker(aWorker({ gender: 'female', birthMonth: '2004-01' }));
    await projections.applyMatchProposed(aMatch());
    await projections.applyPlacement(aPlacement());
    await projections.eraseWorker(erasure(2));
    // A match arriving after the erasure (another topic) never holds the id either.
    await projections.applyMatchProposed(aMatch({ matchId: 'late-match' }));
    for (const doc of [...sink.docs.matches.values(), ...sink.docs.placements.values()]) {
      expect(doc).not.toHaveProperty('workerId');
      expect(doc.traits).toEqual(['female', 'youth-15-24', 'youth-15-29']);
    }
    expect(JSON.stringify([...sink.docs.matches.values(), ...sink.docs.placements.values()])).not.toContain('worker-0001');
  });

  it('counts a proposed match once by matchId and a notification by its last outcome', async () => {
    const projections = new Projections(new MemorySink());
    expect(await projections.applyMatchProposed(aMatch())).toBe('applied');
    expect(await projections.applyMatchProposed(aMatch({ score: 0.9 }))).toBe('duplicate');
    const record = { notificationId: 'n1', recipientKind: 'worker' as const, channel: 'sms', at: '2026-03-01T08:00:00.000Z' };
    expect(await projections.applyNotification(record, 'failed')).toBe('applied');
    expect(await projections.applyNotification(record, 'failed')).toBe('duplicate');
    expect(await projections.applyNotification(record, 'sent')).toBe('applied');
    expect(await projections.applyNotification(record, 'failed')).toBe('duplicate');
    expect(projections.notifications.get('n1')).toEqual({ _id: 'n1', recipientKind: 'worker', channel: 'sms', outcome: 'sent', at: record.at });
    expect(projections.notifications.get('n1')).not.toHaveProperty('recipientId');
  });

  it('counts each proposed match once per vacancy and day, through replays, duplicates in a batch, an erasure and a restart', async () => {
    const sink = new MemorySink();
    const projections = new Projections(sink);
    await projections.applyWorker(aWorker({ workerId: 'w1' }));
    await projections.applyVacancy(aVacancy({ vacancyId: 'v1' }));
    const proposal = (workerId: string, at = '2026-03-01T08:00:00.000Z') => ({ kind: 'match' as const, match: aMatch({ matchId: `v1:${workerId}`, vacancyId: 'v1', workerId, at }) });
    const batch = [proposal('w1'), proposal('w2'), proposal('w1', '2026-03-02T08:00:00.000Z'), proposal('w3', '2026-03-02T08:00:00.000Z'), proposal('w2')];
    expect(await projections.applyBatch(batch)).toEqual(['applied', 'applied', 'duplicate', 'applied', 'duplicate']);
    expect(await projections.applyBatch(batch)).toEqual(Array(5).fill('duplicate'));
    await projections.eraseWorker(erasure(2, 'w1'));
    const expected = [
      { vacancyId: 'v1', day: '2026-03-01', count: 2 },
      { vacancyId: 'v1', day: '2026-03-02', count: 1 },
    ];
    expect([...projections.matchCounts.values()]).toEqual(expected);
    expect(numbers(projections)).toEqual([['05443', '7', 0, 5, 0, 3]]);
    const restarted = new Projections(sink);
    await restarted.load();
    expect([...restarted.matchCounts.values()]).toEqual(expected);
  });

  it('keeps the worker cube in step: one combination for identical workers, none left for changed ones', async () => {
    const projections = new Projections(new MemorySink());
    await projections.applyWorker(aWorker({ workerId: 'a1' }));
    await projections.applyWorker(aWorker({ workerId: 'a2' }));
    expect([...projections.cube.values()].map((e) => e.count)).toEqual([2]);
    await projections.applyWorker(aWorker({ workerId: 'a2', version: 2, status: 'placed' }));
    expect([...projections.cube.values()].map((e) => [e.worker.status, e.count])).toEqual([
      ['looking', 1],
      ['placed', 1],
    ]);
    await projections.applyWorker(aWorker({ workerId: 'a1', version: 2, status: 'placed' }));
    expect([...projections.cube.values()].map((e) => [e.worker.status, e.count])).toEqual([['placed', 2]]);
  });

  it('answers period reports from the quarter cubes and the day index as a count of workers one by one would', async () => {
    const projections = new Projections(new MemorySink());
    const days = ['2025-12-31T18:00:00.000Z', '2026-01-15T02:00:00.000Z', '2026-02-20T02:00:00.000Z', '2026-03-31T16:00:00.000Z', '2026-05-01T02:00:00.000Z'];
    for (const [i, registeredAt] of days.entries()) {
      await projections.applyWorker(aWorker({ workerId: `q${i}`, registeredAt, gender: i % 2 ? 'male' : 'female', status: i === 2 ? 'placed' : 'looking' }));
    }
    await projections.applyWorker(aWorker({ workerId: 'q1', version: 2, registeredAt: days[1], status: 'placed' }));
    const workers = [...projections.workers.values()].map((worker) => ({ worker, count: 1 }));
    for (const period of ['2026-Q1', '2026', '2026-01', '2026-03-31', '2025-Q4']) {
      const expected = computeSupplyDemand({ stock: workers, registered: workers, vacancies: new Map(), placements: [] }, { ...options, period, groupBy: ['gender'] });
      expect(supplyDemandOf(projections, { ...options, period, groupBy: ['gender'] })).toEqual(expected);
    }
    const q1 = supplyDemandOf(projections, { ...options, period: '2026-Q1' });
    expect(q1.map((r) => [r.supply?.newJobSeekers, r.supply?.placementRate])).toEqual([[4, 0.5]]);
  });

  it('records when a vacancy first closed and keeps it through later versions', async () => {
    const projections = new Projections(new MemorySink());
    await projections.applyVacancy(aVacancy());
    expect(projections.vacancies.get('vacancy-0001')).not.toHaveProperty('closedAt');
    await projections.applyVacancy(aVacancy({ version: 2, status: 'filled', updatedAt: '2026-02-11T08:00:00.000Z' }));
    await projections.applyVacancy(aVacancy({ version: 3, status: 'filled', updatedAt: '2026-02-20T08:00:00.000Z' }));
    expect(projections.vacancies.get('vacancy-0001')?.closedAt).toBe('2026-02-11T08:00:00.000Z');
  });

  it('loads what it saved: a restarted service computes the same cells', async () => {
    const sink = new MemorySink();
    const before = new Projections(sink);
    await replay(before);
    const after = new Projections(sink);
    await after.load();
    expect(cellsOf(after)).toEqual(cellsOf(before));
    expect(await after.applyWorker(aWorker({ workerId: 'w1' }))).toBe('duplicate');
  });

  it('tells its listeners about applied changes only', async () => {
    const projections = new Projections(new MemorySink());
    let changes = 0;
    projections.onChange(() => (changes += 1));
    await projections.applyWorker(aWorker());
    await projections.applyWorker(aWorker());
    expect(changes).toBe(1);
  });
});

describe('Projections under concurrency', () => {
  it('applies events of one aggregate arriving together in turn: the newest wins, the replay is a duplicate', async () => {
    const sink = new MemorySink();
    const projections = new Projections(sink);
    const outcomes = await Promise.all([
      projections.applyWorker(aWorker({ version: 2, status: 'placed' })),
      projections.applyWorker(aWorker({ version: 1 })),
      projections.applyWorker(aWorker({ version: 2, status: 'placed' })),
    ]);
    expect(outcomes).toEqual(['applied', 'duplicate', 'duplicate']);
    expect(sink.docs.workers.get('worker-0001')).toMatchObject({ version: 2, status: 'placed' });
  });

  it('leaves memory unchanged when the save fails, so the retried event applies', async () => {
    const sink = new MemorySink();
    const projections = new Projections(sink);
    const save = sink.save.bind(sink);
    sink.save = async () => Promise.reject(new Error('ferretdb down'));
    await expect(projections.applyVacancy(aVacancy())).rejects.toThrow('ferretdb down');
    expect(projections.vacancies.size).toBe(0);
    sink.save = save;
    expect(await projections.applyVacancy(aVacancy())).toBe('applied');
  });
});

/** The short history above as batch changes, in the same order. */
const historyChanges: ProjectionChange[] = [
  { kind: 'worker', snapshot: aWorker({ workerId: 'w1' }) },
  { kind: 'worker', snapshot: aWorker({ workerId: 'w2', communeCode: '05500' }) },
  { kind: 'worker', snapshot: aWorker({ workerId: 'w2', version: 2, communeCode: '05500', status: 'not-looking' }) },
  { kind: 'vacancy', snapshot: aVacancy({ vacancyId: 'v1' }) },
  { kind: 'vacancy', snapshot: aVacancy({ vacancyId: 'v1', version: 2, positionsFilled: 2 }) },
  { kind: 'vacancy', snapshot: aVacancy({ vacancyId: 'v2', status: 'open' }, { occupationCode: '8160' }) },
  { kind: 'vacancy', snapshot: aVacancy({ vacancyId: 'v2', version: 2, status: 'filled', positionsFilled: 5 }, { occupationCode: '8160' }) },
  { kind: 'placement', placement: aPlacement({ placementId: 'p1', vacancyId: 'v1' }) },
  { kind: 'placement', placement: aPlacement({ placementId: 'p2', vacancyId: 'v2' }) },
  { kind: 'match', match: aMatch({ matchId: 'v1:w1', vacancyId: 'v1', workerId: 'w1' }) },
  { kind: 'notification', record: { notificationId: 'n1', recipientKind: 'worker', channel: 'sms', at: '2026-03-01T08:00:00.000Z' }, outcome: 'sent' },
];
const stored = (sink: MemorySink) => Object.fromEntries(Object.entries(sink.docs).map(([kind, docs]) => [kind, [...docs.values()].sort((a, b) => a._id.localeCompare(b._id))]));

describe('Projections in batches', () => {
  it('gives the same projections, documents and cells as the events one by one, and a replayed batch changes nothing', async () => {
    const oneByOne = new MemorySink();
    const single = new Projections(oneByOne);
    await replay(single);
    const batched = new MemorySink();
    const projections = new Projections(batched);
    expect(await projections.applyBatch(historyChanges)).toEqual(Array(11).fill('applied'));
    expect(stored(batched)).toEqual(stored(oneByOne));
    expect(cellsOf(projections)).toEqual(cellsOf(single));
    expect(projections.revision).toBe(single.revision);
    expect(await projections.applyBatch(historyChanges)).toEqual(Array(11).fill('duplicate'));
    expect(stored(batched)).toEqual(stored(oneByOne));
  });

  it('passes over a version older than one earlier in the same batch, as one by one does', async () => {
    const changes = [
      { kind: 'worker' as const, snapshot: aWorker({ workerId: 'w1', version: 2, status: 'placed' }) },
      { kind: 'worker' as const, snapshot: aWorker({ workerId: 'w1', version: 1 }) },
      { kind: 'vacancy' as const, snapshot: aVacancy({ vacancyId: 'v1', version: 3, positionsFilled: 2 }) },
      { kind: 'vacancy' as const, snapshot: aVacancy({ vacancyId: 'v1', version: 2 }) },
    ];
    const oneByOne = new MemorySink();
    const single = new Projections(oneByOne);
    for (const change of changes) await single.applyBatch([change]);
    const batched = new MemorySink();
    const projections = new Projections(batched);
    expect(await projections.applyBatch(changes)).toEqual(['applied', 'duplicate', 'applied', 'duplicate']);
    expect(stored(batched)).toEqual(stored(oneByOne));
    expect(cellsOf(projections)).toEqual(cellsOf(single));
    expect(batched.docs.workers.get('w1')).toMatchObject({ version: 2, status: 'placed' });
  });

  it('writes each id once per batch, its latest document, in one save per collection', async () => {
    const sink = new MemorySink();
    const calls: [string, string[]][] = [];
    const saveMany = sink.saveMany.bind(sink);
    sink.saveMany = async <K extends ProjectionKind>(kind: K, docs: readonly ProjectionDocs[K][], isNew?: (id: string) => boolean) => {
      calls.push([kind, docs.map((d) => `${d._id}${isNew?.(d._id) ? ' new' : ''}`)]);
      return saveMany(kind, docs);
    };
    const projections = new Projections(sink);
    await projections.applyBatch(historyChanges);
    expect(calls).toEqual([
      ['workers', ['w1 new', 'w2 new']],
      ['vacancies', ['v1 new', 'v2 new']],
      ['placements', ['p1 new', 'p2 new']],
      ['matches', [expect.stringMatching(/^[0-9a-f]{32} new$/)]],
      ['notifications', ['n1 new']],
    ]);
    expect(sink.docs.workers.get('w2')).toMatchObject({ version: 2, status: 'not-looking' });
    calls.length = 0;
    await projections.applyBatch([{ kind: 'worker', snapshot: aWorker({ workerId: 'w1', version: 2, status: 'placed' }) }]);
    expect(calls).toEqual([['workers', ['w1']]]);
  });

  it('leaves memory unchanged when a save fails, so the retried batch applies every event once', async () => {
    const sink = new MemorySink();
    const projections = new Projections(sink);
    // The first collection is written, then the database goes away.
    sink.failing = { kind: 'vacancies', message: 'ferretdb down' };
    await expect(projections.applyBatch(historyChanges)).rejects.toThrow('ferretdb down');
    expect(projections.workers.size + projections.vacancies.size + projections.revision).toBe(0);
    sink.failing = undefined;
    expect(await projections.applyBatch(historyChanges)).toEqual(Array(11).fill('applied'));
    const single = new Projections(new MemorySink());
    await replay(single);
    expect(cellsOf(projections)).toEqual(cellsOf(single));
  });

  it('counts everything once when a batch cut short by a crash is redelivered to the restarted service', async () => {
    const sink = new MemorySink();
    const crashed = new Projections(sink);
    sink.failing = { kind: 'placements', message: 'killed' };
    await expect(crashed.applyBatch(historyChanges)).rejects.toThrow('killed');
    sink.failing = undefined;
    const restarted = new Projections(sink);
    await restarted.load();
    expect(await restarted.applyBatch(historyChanges)).toEqual([...Array(7).fill('duplicate'), ...Array(4).fill('applied')]);
    const single = new Projections(new MemorySink());
    await replay(single);
    expect(cellsOf(restarted)).toEqual(cellsOf(single));
  });

  it('keeps the erased worker out of a match applied in a later batch', async () => {
    const sink = new MemorySink();
    const projections = new Projections(sink);
    await projections.applyBatch([{ kind: 'worker', snapshot: aWorker({ gender: 'female', birthMonth: '2004-01' }) }]);
    await projections.eraseWorker(erasure(2));
    await projections.applyBatch([{ kind: 'match', match: aMatch({ matchId: 'late-match' }) }, { kind: 'placement', placement: aPlacement() }]);
    for (const doc of [...sink.docs.matches.values(), ...sink.docs.placements.values()]) expect(doc.traits).toEqual(['female', 'youth-15-24', 'youth-15-29']);
    expect(JSON.stringify(stored(sink))).not.toContain('"workerId"');
  });
});
