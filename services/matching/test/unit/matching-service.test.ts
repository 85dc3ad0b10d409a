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
function arrange() {
  const tables = testTables();
  const engine = new MatchEngine(scoringContext(tables, DEFAULT_SCORING, monthIndex('2026-11')));
  const saved = new Map<string, unknown>();
  const store = {
    saveWorker: async (doc: { _id: string }) => void saved.set(`worker:${doc._id}`, doc),
    saveVacancy: async (doc: { _id: string }) => void saved.set(`vacancy:${doc._id}`, doc),
    saveMatches: async (doc: { _id: string }) => void saved.set(`matches:${doc._id}`, doc),
  } as unknown as ProjectionStore;
  const published: { type: string; data: { workerId: string; reason?: string } }[] = [];
  let failing = false;
  const publisher = {
    publish: async (_topic: unknown, events: typeof published) => {
      if (failing) throw new Error('broker down');
      published.push(...events);
      return events;
    },
  } as unknown as EventPublisher;
  const service = new MatchingService(engine, tables, store, new MatchAnnouncer(engine, store, publisher, () => new Date('2026-11-20T00:00:00Z')));
  return { service, published, saved, fail: (value: boolean) => (failing = value) };
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

  it('announces on the retry what a failed publish could not, before saving the version', async () => {
    const { service, published, saved, fail } = arrange();
    await service.applyVacancy(aVacancy());
    fail(true);
    await expect(service.applyWorker(aWorker())).rejects.toThrow('broker down');
    expect(saved.has('worker:worker-0001')).toBe(false);
    fail(false);
    expect(await service.applyWorker(aWorker())).toBe('applied');
    expect(published.map((e) => e.type)).toEqual(['match.proposed']);
    expect(saved.has('worker:worker-0001')).toBe(true);
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
