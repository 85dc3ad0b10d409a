import { describe, expect, it } from 'vitest';
import { compileWorker } from '../../src/domain/compile-worker.js';
import { WorkerIndex } from '../../src/index/worker-index.js';
import { aWorker, testTables } from '../mothers.js';

describe('WorkerIndex', () => {
  const tables = testTables();
  const welder = compileWorker(aWorker({ workerId: 'worker-a', skills: [{ code: 'welding', level: 2 }, { code: 'metalwork', level: 3 }] }), tables);

  it('gives back exactly the worker it was given', () => {
    const index = new WorkerIndex();
    index.upsert(welder);
    expect(index.get('worker-a')).toEqual(welder);
  });

  it('keeps the inverted indexes in step with changes and removals', () => {
    const index = new WorkerIndex();
    const slot = index.upsert(welder);
    const welding = tables.skills.idOf('welding')!;
    const occupation = tables.occupations.idOf('7212')!;
    expect(index.bySkill.lists.get(welding)?.length).toBe(1);
    index.upsert(compileWorker(aWorker({ workerId: 'worker-a', desiredOccupations: ['8153'], skills: [] }), tables));
    expect(index.bySkill.lists.get(welding)?.length).toBe(0);
    expect(index.byOccupation.sizes.get(occupation)).toBe(0);
    expect(index.remove('worker-a')).toBe(true);
    expect(index.size).toBe(0);
    expect(index.upsert(welder)).toBe(slot); // the freed slot is reused
  });

  it('lays each group out at start-up in the order of its blocks (upsertMany), so that a query reads its members in slot order', () => {
    const index = new WorkerIndex({ size: 4, from: 8 });
    const code = (i: number) => tables.skills.codeOf(i);
    // One occupation and place, varied skills: one group of 40, cut into blocks ordered by skill mask.
    const workers = Array.from({ length: 40 }, (_, i) =>
      compileWorker(aWorker({ workerId: `worker-${i}`, skills: [{ code: code(i % 7), level: 2 }, { code: code((i * 3) % 11), level: 1 }] }), tables),
    );
    index.upsertMany(workers);
    const groups = [...index.byOccupation.groups.get(tables.occupations.idOf('7212')!)!.values()];
    expect(groups).toHaveLength(1);
    const group = groups[0]!;
    expect(group.sorted).toBeGreaterThanOrEqual(32);
    const inBlocks = Array.from(group.slots.data.subarray(0, group.sorted));
    expect(inBlocks).toEqual([...inBlocks].sort((a, b) => a - b));
    expect(new Set(inBlocks.map((slot) => index.columns.skillMask[slot * 2]! + 2 ** 32 * index.columns.skillMask[slot * 2 + 1]!)).size).toBeGreaterThan(4);
  });

  it('stays correct across pool compaction', () => {
    const index = new WorkerIndex();
    for (let round = 0; round < 150; round += 1)
      for (let i = 0; i < 2000; i += 1) index.upsert({ ...welder, id: `worker-${i}`, experienceTenths: round });
    expect(index.size).toBe(2000);
    expect(index.get('worker-1999')).toEqual({ ...welder, id: 'worker-1999', experienceTenths: 149 });
    expect(index.pool.end).toBeLessThan(150 * 2000 * welder.lists.length);
    // 300,000 upserts: CPU-bound, and the machine may be shared.
  }, 30_000);
});
