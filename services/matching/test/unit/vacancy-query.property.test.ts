import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monthIndex } from '../../src/domain/age.js';
import { compileVacancy } from '../../src/domain/compile-vacancy.js';
import { compileWorker } from '../../src/domain/compile-worker.js';
import type { MatchWorker } from '../../src/domain/model.js';
import { oracleForVacancy, oracleForWorker } from '../../src/domain/oracle.js';
import { DEFAULT_SCORING, scoringConfigSchema } from '../../src/domain/scoring-config.js';
import { scoringContext } from '../../src/domain/scoring-context.js';
import { VacancyIndex } from '../../src/index/vacancy-index.js';
import { VacancyQuery } from '../../src/index/vacancy-query.js';
import { WorkerIndex } from '../../src/index/worker-index.js';
import { topVacancies } from '../../src/index/worker-query.js';
import { vacancySnapshot, workerSnapshot } from '../arbitraries.js';
import { testTables } from '../mothers.js';

const tables = testTables();
const config = scoringConfigSchema.parse({ ...DEFAULT_SCORING, kPerVacancy: 3, kPerWorker: 2, minScore: 0.2 });
const ctx = scoringContext(tables, config, monthIndex('2026-11'));
const ids = Array.from({ length: 40 }, (_, i) => `w-${String(i).padStart(3, '0')}`);

describe('exact queries over groups (block maxima)', () => {
  it('a vacancy query equals the oracle, with must-have holders bucketed or used as a filter over the groups, and essential skill holders visited instead of groups', () => {
    fc.assert(
      fc.property(fc.array(workerSnapshot, { minLength: 1, maxLength: 40 }), fc.array(fc.nat(39)), vacancySnapshot, (snapshots, removals, vacancy) => {
        const index = new WorkerIndex();
        const workers = new Map<string, MatchWorker>();
        snapshots.forEach((snapshot, i) => {
          const w = compileWorker({ ...snapshot, workerId: ids[i]! }, tables);
          workers.set(w.id, w);
          index.upsert(w);
        });
        for (const i of removals) if (index.remove(ids[i]!)) workers.delete(ids[i]!);
        const v = compileVacancy(vacancy, tables, config);
        const truth = oracleForVacancy(ctx, workers.values(), v, config.kPerVacancy);
        expect(new VacancyQuery(index).run(ctx, v, config.kPerVacancy)).toEqual(truth);
        expect(new VacancyQuery(index, 0).run(ctx, v, config.kPerVacancy)).toEqual(truth);
        expect(new VacancyQuery(index, 0, true).run(ctx, v, config.kPerVacancy)).toEqual(truth);
        expect(new VacancyQuery(index, undefined, true).run(ctx, v, config.kPerVacancy)).toEqual(truth);
      }),
      { numRuns: 400 },
    );
  });

  it('a vacancy query equals the oracle when everyone shares its occupation and place, so that skills decide (essential skill holders)', () => {
    fc.assert(
      fc.property(fc.array(workerSnapshot, { minLength: 1, maxLength: 40 }), vacancySnapshot, (snapshots, vacancy) => {
        const index = new WorkerIndex();
        const workers: MatchWorker[] = [];
        snapshots.forEach((snapshot, i) => {
          const alike = { ...snapshot, workerId: ids[i]!, desiredOccupations: [vacancy.terms.occupationCode], communeCode: vacancy.terms.communeCode };
          const w = compileWorker(alike, tables);
          workers.push(w);
          index.upsert(w);
        });
        const v = compileVacancy(vacancy, tables, config);
        const truth = oracleForVacancy(ctx, workers, v, config.kPerVacancy);
        expect(new VacancyQuery(index).run(ctx, v, config.kPerVacancy)).toEqual(truth);
        expect(new VacancyQuery(index, undefined, true).run(ctx, v, config.kPerVacancy)).toEqual(truth);
      }),
      { numRuns: 400 },
    );
  });

  it('a worker query equals the oracle', () => {
    fc.assert(
      fc.property(fc.array(vacancySnapshot, { minLength: 1, maxLength: 30 }), workerSnapshot, (snapshots, worker) => {
        const index = new VacancyIndex();
        snapshots.forEach((snapshot, i) => index.upsert(compileVacancy({ ...snapshot, vacancyId: `v-${i}` }, tables, config)));
        const w = compileWorker(worker, tables);
        expect(topVacancies(ctx, index, w, config.kPerWorker)).toEqual(oracleForWorker(ctx, index.all.values(), w, config.kPerWorker));
      }),
      { numRuns: 400 },
    );
  });
});
