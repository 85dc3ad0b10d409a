import type { TopicDefinition } from '@ketnoi/contracts';
import { pino } from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SupplyDemandCell } from '../../src/domain/supply-demand-cells.js';
import { Projections, type ProjectionSink } from '../../src/use-cases/projections.js';
import { SupplyDemandPublisher } from '../../src/use-cases/supply-demand-publisher.js';
import { aPlacement, aVacancy, aWorker, testAreas } from '../mothers.js';

const nowhere: ProjectionSink = { load: async () => [], save: async () => undefined, saveMany: async () => undefined };

function setUp() {
  const projections = new Projections(nowhere);
  const sent: { subject: string; data: SupplyDemandCell }[][] = [];
  const publisher = {
    publish: vi.fn(async (_topic: TopicDefinition, inputs: readonly unknown[]) => {
      sent.push(inputs as { subject: string; data: SupplyDemandCell }[]);
      return [];
    }),
  };
  const supplyDemand = new SupplyDemandPublisher({
    projections,
    publisher: publisher as never,
    areas: testAreas,
    debounceMs: 50,
    now: () => new Date('2026-11-26T03:00:00.000Z'),
    log: pino({ level: 'silent' }),
  });
  projections.onChange(() => supplyDemand.schedule());
  return { projections, sent, supplyDemand };
}

describe('SupplyDemandPublisher', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('publishes one batch for a burst of changes, keyed by cell, at the province, former-district and commune levels', async () => {
    vi.useFakeTimers();
    const { projections, sent } = setUp();
    await projections.applyWorker(aWorker({ workerId: 'worker-1' }));
    await projections.applyWorker(aWorker({ workerId: 'worker-2' }));
    await projections.applyVacancy(aVacancy());
    await vi.advanceTimersByTimeAsync(60);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.map((e) => [e.subject, e.data.jobSeekers, e.data.openPositions])).toEqual([
      ['2026-11-26|province:19|major:7', 2, 5],
      ['2026-11-26|former-district:054|major:7', 2, 5],
      ['2026-11-26|commune:05443|major:7', 2, 5],
    ]);
  });

  it('publishes nothing when a duplicate or a change leaves the numbers as they were', async () => {
    const { projections, sent, supplyDemand } = setUp();
    await projections.applyWorker(aWorker());
    expect(await supplyDemand.flush()).toBe(3);
    await projections.applyWorker(aWorker());
    await projections.applyWorker(aWorker({ version: 2, gender: 'female' }));
    expect(await supplyDemand.flush()).toBe(0);
    expect(sent).toHaveLength(1);
  });

  it('publishes a vanished cell once with zeros, then no more', async () => {
    const { projections, sent, supplyDemand } = setUp();
    await projections.applyWorker(aWorker());
    await supplyDemand.flush();
    await projections.applyWorker(aWorker({ version: 2, status: 'placed' }));
    expect(await supplyDemand.flush()).toBe(3);
    expect(sent[1]?.map((e) => [e.data.jobSeekers, e.data.openPositions])).toEqual([
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
    await projections.applyPlacement(aPlacement({ vacancyId: 'unknown' }));
    expect(await supplyDemand.flush()).toBe(0);
  });

  it('publishes a cell holding only hires, again when its hires change, not when they do not', async () => {
    const { projections, sent, supplyDemand } = setUp();
    await projections.applyVacancy(aVacancy({ status: 'filled', positionsFilled: 5 }));
    await projections.applyPlacement(aPlacement());
    expect(await supplyDemand.flush()).toBe(3);
    await projections.applyPlacement(aPlacement({ placementId: 'placement-0002' }));
    expect(await supplyDemand.flush()).toBe(3);
    expect(sent[1]?.map((e) => e.data.placements)).toEqual([2, 2, 2]);
    await projections.applyPlacement(aPlacement({ placementId: 'placement-0002' }));
    expect(await supplyDemand.flush()).toBe(0);
  });

  it('publishes nothing after close', async () => {
    vi.useFakeTimers();
    const { projections, sent, supplyDemand } = setUp();
    await supplyDemand.close();
    await projections.applyWorker(aWorker());
    await vi.advanceTimersByTimeAsync(100);
    expect(sent).toEqual([]);
  });
});
