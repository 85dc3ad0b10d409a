import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monthIndex } from '../../src/domain/age.js';
import { compileVacancy } from '../../src/domain/compile-vacancy.js';
import { compileWorker } from '../../src/domain/compile-worker.js';
import type { MatchVacancy, MatchWorker } from '../../src/domain/model.js';
import { oracleForVacancy } from '../../src/domain/oracle.js';
import { DEFAULT_SCORING, scoringConfigSchema } from '../../src/domain/scoring-config.js';
import { scoringContext } from '../../src/domain/scoring-context.js';
import { MatchEngine } from '../../src/engine/match-engine.js';
import { vacancySnapshot, workerSnapshot } from '../arbitraries.js';
import { testTables } from '../mothers.js';

const tables = testTables();
const config = scoringConfigSchema.parse({ ...DEFAULT_SCORING, kPerVacancy: 3, kPerWorker: 2, minScore: 0.2 });
const ctx = scoringContext(tables, config, monthIndex('2026-11'));
const workerIds = Array.from({ length: 30 }, (_, i) => `w-${String(i).padStart(3, '0')}`);

describe('a worker upserted into full lists', () => {
  it('is tried only where they could enter, and every list still equals the oracle (thresholds noted, K changed)', () => {
    fc.assert(
      fc.property(
        fc.array(vacancySnapshot, { minLength: 1, maxLength: 8 }),
        fc.array(workerSnapshot, { minLength: 10, maxLength: 30 }),
        fc.array(fc.tuple(fc.nat(29), workerSnapshot, fc.boolean()), { minLength: 1, maxLength: 30 }),
        fc.nat(29),
        (vacancySnapshots, initial, changes, kChangeAt) => {
          const engine = new MatchEngine(ctx);
          const vacancies = vacancySnapshots.map((snapshot, i): MatchVacancy => compileVacancy({ ...snapshot, vacancyId: `v-${i}` }, tables, config));
          const workers = new Map<string, MatchWorker>();
          const upsert = (w: MatchWorker) => {
            workers.set(w.id, w);
            engine.upsertWorker(w);
          };
          initial.forEach((snapshot, i) => upsert(compileWorker({ ...snapshot, workerId: workerIds[i]! }, tables)));
          for (const v of vacancies) engine.upsertVacancy(v);
          changes.forEach(([i, snapshot, remove], step) => {
            if (step === kChangeAt) {
              // A new config with another K and minimum: the lists are re-queried, as a re-match does.
              engine.ctx = scoringContext(tables, { ...config, kPerVacancy: 2, minScore: 0.3 }, ctx.asOfMonth);
              engine.requery(vacancies.map((v) => v.id));
            }
            const id = workerIds[i]!;
            if (remove) {
              workers.delete(id);
              engine.removeWorker(id);
            } else upsert(compileWorker({ ...snapshot, workerId: id }, tables));
            for (const v of vacancies) if (v.open) expect(engine.topOfVacancy(v.id)).toEqual(oracleForVacancy(engine.ctx, workers.values(), v, engine.k));
          });
        },
      ),
      { numRuns: 200 },
    );
    // CPU-bound, and the machine may be shared.
  }, 60_000);
});
