import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monthIndex } from '../../src/domain/age.js';
import { compileVacancy } from '../../src/domain/compile-vacancy.js';
import { compileWorker } from '../../src/domain/compile-worker.js';
import { DEFAULT_SCORING, scoringConfigSchema } from '../../src/domain/scoring-config.js';
import { scoringContext } from '../../src/domain/scoring-context.js';
import { MatchEngine } from '../../src/engine/match-engine.js';
import { ShardListMerge } from '../../src/sharding/shard-lists.js';
import { matchingEvent, vacancyIds, workerIds } from '../arbitraries.js';
import { testTables } from '../mothers.js';

const config = scoringConfigSchema.parse({ ...DEFAULT_SCORING, kPerVacancy: 3, minScore: 0.2 });
const SHARDS = 3;

describe('shards merged per vacancy', () => {
  it('give the lists of one instance, after any sequence of events, whatever the split of workers', () => {
    const tables = testTables();
    const ctx = scoringContext(tables, config, monthIndex('2026-11'));
    const split = fc.array(fc.integer({ min: 0, max: SHARDS - 1 }), { minLength: workerIds.length, maxLength: workerIds.length });
    fc.assert(
      fc.property(fc.array(matchingEvent, { minLength: 1, maxLength: 50 }), split, (events, shardOf) => {
        const one = new MatchEngine(ctx);
        const shards = Array.from({ length: SHARDS }, () => new MatchEngine(ctx));
        const shardOfWorker = (id: string) => shards[shardOf[workerIds.indexOf(id)]!]!;
        for (const event of events) {
          if (event.kind === 'worker') {
            const w = compileWorker(event.snapshot, tables);
            one.upsertWorker(w);
            shardOfWorker(w.id).upsertWorker(w);
          } else if (event.kind === 'worker-gone') {
            one.removeWorker(event.id);
            shardOfWorker(event.id).removeWorker(event.id);
          } else if (event.kind === 'vacancy') {
            const v = compileVacancy(event.snapshot, tables, config);
            for (const engine of [one, ...shards]) engine.upsertVacancy(v);
          } else {
            for (const engine of [one, ...shards]) engine.removeVacancy(event.id);
          }
        }
        for (const id of vacancyIds) {
          const merge = new ShardListMerge();
          shards.forEach((engine, shard) => merge.offer({ shard, epoch: 1, offset: events.length, entries: engine.topOfVacancy(id) }));
          expect(merge.top(config.kPerVacancy)).toEqual(one.topOfVacancy(id));
        }
      }),
      { numRuns: 200 },
    );
  });

  it("keeps a shard's newest list: a later offset replaces it, an earlier epoch (a previous owner) never does", () => {
    const merge = new ShardListMerge();
    const list = (score: number) => [{ id: `w-${score}`, score }];
    expect(merge.offer({ shard: 0, epoch: 1, offset: 10, entries: list(0.5) })).toBe(true);
    expect(merge.offer({ shard: 1, epoch: 1, offset: 3, entries: list(0.7) })).toBe(true);
    expect(merge.offer({ shard: 0, epoch: 1, offset: 9, entries: list(0.9) })).toBe(false);
    expect(merge.offer({ shard: 0, epoch: 2, offset: 4, entries: [] })).toBe(true);
    expect(merge.offer({ shard: 0, epoch: 1, offset: 11, entries: list(0.8) })).toBe(false);
    expect(merge.top(3)).toEqual(list(0.7));
    expect(merge.offer({ shard: 0, epoch: 2, offset: 5, entries: list(0.6) })).toBe(true);
    expect(merge.top(1)).toEqual(list(0.7));
    expect(merge.top(3)).toEqual([...list(0.7), ...list(0.6)]);
  });
});
