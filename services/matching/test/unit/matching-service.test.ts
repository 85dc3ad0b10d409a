import type { EventPublisher } from '@ketnoi/messaging';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { monthIndex } from '../../src/domain/age.js';
import { DEFAULT_SCORING } from '../../src/domain/scoring-config.js';
import { scoringContext } from '../../src/domain/scoring-context.js';
import { MatchEngine } from '../../src/engine/match-engine.js';
import type { ProjectionStore } from '../../src/repositories/projection-store.js';
import { MatchAnnouncer } from '../../src/use-cases/match-announcer.js';
import { MatchingService } from '../../src/use-cases/matching-service.js';
import { RematchJobs } from '../../src/use-cases/rematch-jobs.js';
import { aVacancy, aWorker, testTables } from '../mothers.js';

/** The service over an in-memory store and a publisher that can be made to fail. */
const aPlacement = () => ({
  placementId: 'placement-0001',
  version: 1,
  vacancyId: 'vacancy-0002',
  workerId: 'worker-0001',
  employerId: 'employer-0002',
  hiredAt: '2026-11-19T08:00:00.000Z',
});

function arrange(scoring = DEFAULT_SCORING) {
  const tables = testTables();
  const engine = new MatchEngine(scoringContext(tables, scoring, monthIndex('2026-11')));
  const saved = new Map<string, unknown>();
  const writes: string[] = [];
  const outbox = new Map<string, string[]>();
  const saveAll = (kind: string) => async (docs: { _id: string }[]) => {
    if (docs.length === 0) return;
    writes.push(`${kind}:${docs.length}`);
    for (const doc of docs) saved.set(`${kind}:${doc._id}`, doc);
  };
  const store = {
    saveWorkers: async (docs: ({ doc: { _id: string } } | { placed: string })[]) =>
      saveAll('worker')(docs.map((write) => ('doc' in write ? write.doc : { _id: write.placed, placed: true }))),
    saveVacancies: saveAll('vacancy'),
    savePlacements: saveAll('placement'),
    saveMatchLists: saveAll('matches'),
    record: async (id: string, record: { events: { id: string }[] }) => {
      writes.push(`record:${record.events.length}`);
      outbox.set(id, record.events.map((e) => e.id));
    },
    forgetAll: async () => {
      writes.push(`forget:${outbox.size}`);
      outbox.clear();
    },
  } as unknown as ProjectionStore;
  const published: { id: string; type: string; data: { workerId: string; reason?: string; rank?: number } }[] = [];
  const sends: number[] = [];
  const attempted: string[] = [];
  let failing = false;
  const publisher = {
    source: '/test',
    send: async (_topic: unknown, events: typeof published) => {
      attempted.push(...events.map((e) => e.id));
      if (failing) throw new Error('broker down');
      sends.push(events.length);
      published.push(...events);
    },
  } as unknown as EventPublisher;
  const service = new MatchingService(engine, tables, store, new MatchAnnouncer(engine, store, publisher, () => new Date('2026-11-20T00:00:00Z')));
  return { service, published, saved, writes, sends, attempted, outbox, fail: (value: boolean) => (failing = value) };
}

describe('MatchingService', () => {
  it('applies each version once: a replayed or older event is a duplicate and announces nothing', async () => {
    const { service, published } = arrange();
    await service.applyVacancy(aVacancy());
    expect(await service.applyWorker(aWorker({ version: 2 }))).toBe('applied');
    expect(await service.applyWorker(aWorker({ version: 2 }))).toBe('duplicate');
    expect(await service.applyWorker(aWorker({ version: 1, consentToMatching: false }))).toBe('duplicate');
    expect(published.map((e) => e.type)).toEqual(['match.proposed']);
  });

  it('withdraws with the reason: consent withdrawn, vacancy closed', async () => {
    const { service, published } = arrange();
    await service.applyVacancy(aVacancy());
    await service.applyWorker(aWorker());
    await service.applyWorker(aWorker({ version: 2, consentToMatching: false }));
    await service.applyWorker(aWorker({ version: 3 }));
    await service.applyVacancy(aVacancy({ version: 2, status: 'filled' }));
    expect(published.map((e) => [e.type, e.data.reason])).toEqual([
      ['match.proposed', undefined],
      ['match.withdrawn', 'worker-unavailable'],
      ['match.proposed', undefined],
      ['match.withdrawn', 'vacancy-closed'],
    ]);
  });

  it('keeps a hire that comes before its worker: the version that arrives first is hired, a newer one released as after any hire', async () => {
    const { service, published, saved } = arrange();
    await service.applyVacancy(aVacancy());
    expect(await service.applyPlacement(aPlacement())).toBe('applied');
    expect(saved.get('worker:worker-0001')).toEqual({ _id: 'worker-0001', placed: true });
    expect(await service.applyWorker(aWorker())).toBe('applied');
    expect(published).toEqual([]);
    expect(saved.get('worker:worker-0001')).toMatchObject({ version: 1, placed: true });
    await service.applyPlacement(aPlacement()); // a replay of the hire changes nothing
    expect(await service.applyWorker(aWorker({ version: 2 }))).toBe('applied');
    expect(published.map((e) => e.type)).toEqual(['match.proposed']);
  });

  it('sends on the retry the very events a failed publish could not, and counts the versions only once all is written', async () => {
    const { service, published, saved, attempted, outbox, fail } = arrange();
    await service.applyVacancy(aVacancy());
    fail(true);
    await expect(service.applyWorker(aWorker())).rejects.toThrow('broker down');
    expect(saved.has('worker:worker-0001')).toBe(false);
    // Recorded before the send: a restart now would send these very events.
    expect([...outbox.values()]).toEqual([[attempted[0]]]);
    fail(false);
    expect(await service.applyWorker(aWorker())).toBe('applied');
    expect(published.map((e) => e.type)).toEqual(['match.proposed']);
    expect(published[0]?.id).toBe(attempted[0]);
    expect(saved.has('worker:worker-0001')).toBe(true);
    expect(outbox.size).toBe(0);
    expect(await service.applyWorker(aWorker())).toBe('duplicate');
  });

  it('writes a batch once: one send, each changed list and each kind of document in one write', async () => {
    const { service, published, writes, sends } = arrange();
    await service.applyBatch(['a', 'b', 'c'].map((id) => ({ kind: 'vacancy', snapshot: aVacancy({ vacancyId: `vacancy-${id}` }) })));
    expect(writes).toEqual(['vacancy:3']);
    const workers = ['1', '2', '3', '4'].map((id) => aWorker({ workerId: `worker-${id}` }));
    const outcomes = await service.applyBatch([...workers, workers[0]!].map((snapshot) => ({ kind: 'worker', snapshot })));
    expect(outcomes).toEqual(['applied', 'applied', 'applied', 'applied', 'duplicate']);
    expect(writes.slice(1)).toEqual(['record:12', 'matches:3', 'worker:4', 'forget:1']);
    expect(sends).toEqual([12]);
    expect(published.filter((e) => e.type === 'match.proposed')).toHaveLength(12);
  });

  it('announces the end of a batch: who entered and was pushed out within it is never announced, who left keeps the reason', async () => {
    const { service, published } = arrange({ ...DEFAULT_SCORING, kPerVacancy: 1 });
    await service.applyVacancy(aVacancy());
    await service.applyWorker(aWorker({ workerId: 'worker-first', experienceYears: 3 }));
    const weak = aWorker({ workerId: 'worker-weak', experienceYears: 2, qualification: 'elementary' });
    const strong = aWorker({ workerId: 'worker-strong', experienceYears: 6 });
    const refusing = aWorker({ workerId: 'worker-first', experienceYears: 3, version: 2, consentToMatching: false });
    await service.applyBatch([weak, refusing, strong].map((snapshot) => ({ kind: 'worker', snapshot })));
    expect(published.map((e) => [e.type, e.data.workerId, e.data.reason ?? e.data.rank])).toEqual([
      ['match.proposed', 'worker-first', 1],
      ['match.proposed', 'worker-strong', 1],
      ['match.withdrawn', 'worker-first', 'worker-unavailable'],
    ]);
    expect(service.engine.topOfVacancy('vacancy-0001').map((e) => e.id)).toEqual(['worker-strong']);
  });

  it('re-matches a chunk of vacancies at a time, applying events in between, and announces only the changes', async () => {
    const { service, published } = arrange();
    for (let i = 0; i < 250; i += 1) await service.applyVacancy(aVacancy({ vacancyId: `vacancy-${String(i).padStart(3, '0')}` }, { maxAge: 35 }));
    await service.applyWorker(aWorker({ birthMonth: '1991-06' }));
    const proposals = published.length;
    expect(proposals).toBe(250);
    const progress: number[] = [];
    const running = service.rematch(monthIndex('2027-07'), (p) => progress.push(p.done));
    // Queued behind the first chunk, applied before the rest.
    const applied = service.applyVacancy(aVacancy({ vacancyId: 'vacancy-new' }));
    expect(await running).toEqual({ vacancies: 250, done: 250, changed: 250, events: 250 });
    expect(await applied).toBe('applied');
    expect(progress).toEqual([100, 200, 250]);
    const after = published.slice(proposals).map((e) => `${e.type}:${e.data.reason}`);
    expect(after.filter((e) => e === 'match.withdrawn:rescored')).toHaveLength(250);
    expect(after.filter((e) => e !== 'match.withdrawn:rescored')).toEqual(['match.proposed:undefined']); // vacancy-new has no age limit
    expect(await service.rematch(monthIndex('2027-07'))).toMatchObject({ changed: 0, events: 0 });
  });

  it('runs one re-match job at a time, readable while it runs, and stops it between chunks on close', async () => {
    const { service } = arrange();
    for (let i = 0; i < 300; i += 1) await service.applyVacancy(aVacancy({ vacancyId: `vacancy-${String(i).padStart(3, '0')}` }));
    const jobs = new RematchJobs(service, () => new Date('2026-11-20T00:00:00Z'), pino({ level: 'silent' }));
    const job = jobs.start();
    expect(job).toMatchObject({ state: 'running', vacancies: 300, done: 0 });
    expect(() => jobs.start()).toThrow(expect.objectContaining({ code: 'CONFLICT' }) as Error);
    await jobs.close();
    const stopped = jobs.get(job.jobId)!;
    expect(stopped.state).toBe('cancelled');
    expect(stopped.done).toBeLessThan(300);
    expect(() => jobs.start()).toThrow(expect.objectContaining({ code: 'DEPENDENCY_UNAVAILABLE' }) as Error);
  });
});
