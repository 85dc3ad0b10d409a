import { describe, expect, it } from 'vitest';
import type { PlacementProjection, VacancyProjection, WorkerProjection } from '../../src/domain/projections.js';
import { Projections, type ProjectionSink } from '../../src/use-cases/projections.js';
import { supplyDemandOf } from '../../src/use-cases/supply-demand-of.js';
import { aPlacement, aVacancy, aWorker } from '../mothers.js';

/** A sink in memory, as the store would keep it. */
class MemorySink implements ProjectionSink {
  readonly workers = new Map<string, WorkerProjection>();
  readonly vacancies = new Map<string, VacancyProjection>();
  readonly placements = new Map<string, PlacementProjection>();
  async loadWorkers() {
    return [...this.workers.values()];
  }
  async loadVacancies() {
    return [...this.vacancies.values()];
  }
  async loadPlacements() {
    return [...this.placements.values()];
  }
  async savePlacement(doc: PlacementProjection) {
    this.placements.set(doc._id, structuredClone(doc));
  }
  async saveWorker(doc: WorkerProjection) {
    this.workers.set(doc._id, structuredClone(doc));
  }
  async saveVacancy(doc: VacancyProjection) {
    this.vacancies.set(doc._id, structuredClone(doc));
  }
}

const options = { level: 'commune', occupationLevel: 'major', provinceCode: '19' } as const;
const cellsOf = (p: Projections) => supplyDemandOf(p, options);

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
  ];
}

describe('Projections', () => {
  it('applies each version once: replaying the whole history changes nothing', async () => {
    const projections = new Projections(new MemorySink());
    expect(await replay(projections)).toEqual(Array(9).fill('applied'));
    const first = cellsOf(projections);
    expect(first.map((c) => [c.area.code, c.occupation.code, c.jobSeekers, c.openPositions, c.placements])).toEqual([
      ['05443', '7', 1, 3, 1],
      ['05443', '8', 0, 0, 1],
    ]);

    expect(await replay(projections)).toEqual(Array(9).fill('duplicate'));
    expect(cellsOf(projections)).toEqual(first);
  });

  it('ignores a version older than the one applied (out of order delivery)', async () => {
    const projections = new Projections(new MemorySink());
    await projections.applyWorker(aWorker({ version: 3, status: 'placed' }));
    expect(await projections.applyWorker(aWorker({ version: 2, status: 'looking' }))).toBe('duplicate');
    expect(projections.workers.get('worker-0001')?.status).toBe('placed');
  });

  it('keeps an erased worker counted as before but no longer as a job seeker, with no birth date or skills', async () => {
    const projections = new Projections(new MemorySink());
    await projections.applyWorker(aWorker());
    expect(await projections.eraseWorker({ workerId: 'worker-0001', version: 2 })).toBe('applied');
    expect(await projections.eraseWorker({ workerId: 'worker-0001', version: 2 })).toBe('duplicate');
    expect(await projections.eraseWorker({ workerId: 'never-seen', version: 1 })).toBe('unknown');
    const erased = projections.workers.get('worker-0001');
    expect(erased).toMatchObject({ erased: true, version: 2 });
    expect(erased).not.toHaveProperty('birthMonth');
    expect(erased).not.toHaveProperty('skills');
    expect(cellsOf(projections)).toEqual([]);
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
    expect(sink.workers.get('worker-0001')).toMatchObject({ version: 2, status: 'placed' });
  });

  it('leaves memory unchanged when the save fails, so the retried event applies', async () => {
    const sink = new MemorySink();
    const projections = new Projections(sink);
    const save = sink.saveVacancy.bind(sink);
    sink.saveVacancy = async () => Promise.reject(new Error('ferretdb down'));
    await expect(projections.applyVacancy(aVacancy())).rejects.toThrow('ferretdb down');
    expect(projections.vacancies.size).toBe(0);
    sink.saveVacancy = save;
    expect(await projections.applyVacancy(aVacancy())).toBe('applied');
  });
});
