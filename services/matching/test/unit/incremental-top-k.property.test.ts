import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monthIndex } from '../../src/domain/age.js';
import { compileVacancy } from '../../src/domain/compile-vacancy.js';
import { compileWorker } from '../../src/domain/compile-worker.js';
import type { MatchVacancy, MatchWorker } from '../../src/domain/model.js';
import { oracleForVacancy, oracleForWorker } from '../../src/domain/oracle.js';
import { DEFAULT_SCORING, scoringConfigSchema } from '../../src/domain/scoring-config.js';
import { scoringContext } from '../../src/domain/scoring-context.js';
import { MatchEngine } from '../../src/engine/match-engine.js';
import { matchingEvent, vacancyIds } from '../arbitraries.js';
import { testTables } from '../mothers.js';

// Small K and a low minimum so that lists fill up, overflow and refill.
const config = scoringConfigSchema.parse({ ...DEFAULT_SCORING, kPerVacancy: 3, kPerWorker: 2, minScore: 0.2 });

describe('incremental top-K', () => {
  it('equals a brute-force oracle after any sequence of events, ties broken by id', () => {
    const tables = testTables();
    const ctx = scoringContext(tables, config, monthIndex('2026-11'));
    fc.assert(
      fc.property(fc.array(matchingEvent, { minLength: 1, maxLength: 60 }), (events) => {
        const engine = new MatchEngine(ctx);
        const workers = new Map<string, MatchWorker>();
        const vacancies = new Map<string, MatchVacancy>();
        for (const event of events) {
          if (event.kind === 'worker') {
            const w = compileWorker(event.snapshot, tables);
            workers.set(w.id, w);
            engine.upsertWorker(w);
          } else if (event.kind === 'vacancy') {
            const v = compileVacancy(event.snapshot, tables, config);
            vacancies.set(v.id, v);
            engine.upsertVacancy(v);
          } else if (event.kind === 'worker-gone') {
            workers.delete(event.id);
            engine.removeWorker(event.id);
          } else {
            vacancies.delete(event.id);
            engine.removeVacancy(event.id);
          }
          for (const id of vacancyIds) {
            const v = vacancies.get(id);
            expect(engine.topOfVacancy(id)).toEqual(v ? oracleForVacancy(ctx, workers.values(), v, config.kPerVacancy) : []);
          }
          for (const w of workers.values()) expect(engine.topOfWorker(w.id)).toEqual(oracleForWorker(ctx, vacancies.values(), w, config.kPerWorker));
        }
      }),
      { numRuns: 300 },
    );
  });
});
