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
import { reachableVacancies, topVacancies } from '../../src/index/worker-query.js';
import { evaluate } from '../../src/domain/evaluate.js';
import type { MatchVacancy } from '../../src/domain/model.js';
import { vacancySnapshot, workerSnapshot } from '../arbitraries.js';
import { testTables } from '../mothers.js';

const tables = testTables();
const config = scoringConfigSchema.parse({ ...DEFAULT_SCORING, kPerVacancy: 3, kPerWorker: 2, minScore: 0.2 });
const ctx = scoringContext(tables, config, monthIndex('2026-11'));
const ids = Array.from({ length: 40 }, (_, i) => `w-${String(i).padStart(3, '0')}`);

/**
 * The worker's top-K equals the oracle's, and with the given k-th scores
 * noted on the open vacancies' lists (then forgotten), every list the worker
 * would enter is among the reachable ones.
 */
function checkWorkerQuery(index: VacancyIndex, w: MatchWorker, thresholds: number[]): void {
  expect(topVacancies(ctx, index, w, config.kPerWorker)).toEqual(oracleForWorker(ctx, index.all.values(), w, config.kPerWorker));
  const open = [...index.open()];
  open.forEach((v, i) => index.noteThreshold(v.id, thresholds[i % thresholds.length]!));
  const listed = new Set(reachableVacancies(ctx, index, w, [] as MatchVacancy[]).map((v) => v.id));
  for (const v of open) if (evaluate(ctx, w, v) >= index.thresholdOf(v.id)) expect(listed).toContain(v.id);
  index.clearThresholds(config.minScore);
}

describe('exact queries over groups (block maxima)', () => {
  it('a vacancy query equals the oracle, with must-have holders bucketed or used as a filter over the groups, and essential skill holders visited instead of groups', () => {
    fc.assert(
      fc.property(
        fc.array(workerSnapshot, { minLength: 1, maxLength: 40 }),
        fc.array(fc.nat(39)),
        fc.array(fc.tuple(fc.nat(39), fc.nat(39))),
        vacancySnapshot,
        (snapshots, removals, updates, vacancy) => {
          // The default layout never cuts these few workers into blocks; the small one does (blocks of 2 from 4 members), with tails and removals.
          const indexes = [new WorkerIndex(), new WorkerIndex({ size: 2, from: 4 })];
          const workers = new Map<string, MatchWorker>();
          const upsert = (w: MatchWorker) => {
            workers.set(w.id, w);
            for (const index of indexes) index.upsert(w);
          };
          snapshots.forEach((snapshot, i) => upsert(compileWorker({ ...snapshot, workerId: ids[i]! }, tables)));
          for (const i of removals) if (indexes.map((index) => index.remove(ids[i]!))[0]) workers.delete(ids[i]!);
          for (const [i, from] of updates) if (snapshots[from] && workers.has(ids[i]!)) upsert(compileWorker({ ...snapshots[from], workerId: ids[i]! }, tables));
          const v = compileVacancy(vacancy, tables, config);
          const truth = oracleForVacancy(ctx, workers.values(), v, config.kPerVacancy);
          for (const index of indexes) {
            expect(new VacancyQuery(index).run(ctx, v, config.kPerVacancy)).toEqual(truth);
            expect(new VacancyQuery(index, 0).run(ctx, v, config.kPerVacancy)).toEqual(truth);
            expect(new VacancyQuery(index, 0, true).run(ctx, v, config.kPerVacancy)).toEqual(truth);
            expect(new VacancyQuery(index, undefined, true).run(ctx, v, config.kPerVacancy)).toEqual(truth);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('workers loaded at once (start-up: upsertMany lays each first occupation group out in neighbouring slots), then changed, answer as the oracle', () => {
    fc.assert(
      fc.property(fc.array(workerSnapshot, { minLength: 1, maxLength: 40 }), fc.array(fc.nat(39)), fc.array(workerSnapshot, { maxLength: 10 }), vacancySnapshot, (snapshots, removals, later, vacancy) => {
        const index = new WorkerIndex({ size: 2, from: 4 });
        const loaded = snapshots.map((snapshot, i) => compileWorker({ ...snapshot, workerId: ids[i]! }, tables));
        index.upsertMany(loaded);
        // Slot order follows (first occupation, place, priority): each such group is one run of slots.
        const keys = Array.from({ length: index.highWater }, (_, slot) => {
          const w = index.view(slot);
          return `${w.nOccupations === 0 ? -1 : w.lists[w.at]}/${w.place}/${w.priority !== 0}`;
        });
        expect(keys.filter((key, slot) => slot === 0 || key !== keys[slot - 1])).toHaveLength(new Set(keys).size);
        const workers = new Map(loaded.map((w) => [w.id, w]));
        for (const i of removals) if (index.remove(ids[i]!)) workers.delete(ids[i]!);
        later.forEach((snapshot, i) => {
          const w = compileWorker({ ...snapshot, workerId: ids[(i * 7) % ids.length]! }, tables);
          index.upsert(w);
          workers.set(w.id, w);
        });
        const v = compileVacancy(vacancy, tables, config);
        expect(new VacancyQuery(index).run(ctx, v, config.kPerVacancy)).toEqual(oracleForVacancy(ctx, workers.values(), v, config.kPerVacancy));
        for (const w of workers.values()) expect(index.get(w.id)).toEqual(w);
      }),
      { numRuns: 300 },
    );
  });

  it('one query object run for vacancy after vacancy (as the engine does) equals the oracle for each: nothing of a query (must-have candidates, place bounds) is left for the next', () => {
    fc.assert(
      fc.property(fc.array(workerSnapshot, { minLength: 1, maxLength: 40 }), fc.array(vacancySnapshot, { minLength: 2, maxLength: 6 }), (snapshots, vacancies) => {
        const index = new WorkerIndex({ size: 2, from: 4 });
        const workers = snapshots.map((snapshot, i) => compileWorker({ ...snapshot, workerId: ids[i]! }, tables));
        for (const w of workers) index.upsert(w);
        const queries = [new VacancyQuery(index), new VacancyQuery(index, 0), new VacancyQuery(index, 0, true), new VacancyQuery(index, undefined, true)];
        for (const vacancy of vacancies) {
          const v = compileVacancy(vacancy, tables, config);
          const truth = oracleForVacancy(ctx, workers, v, config.kPerVacancy);
          for (const query of queries) expect(query.run(ctx, v, config.kPerVacancy)).toEqual(truth);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('a vacancy query equals the oracle when everyone shares its occupation and place, so that skills decide (essential skill holders)', () => {
    fc.assert(
      fc.property(fc.array(workerSnapshot, { minLength: 1, maxLength: 40 }), vacancySnapshot, (snapshots, vacancy) => {
        // Blocks of 4 from 4 members have quarters of one member; blocks of 8 from 8, quarters of 2.
        const indexes = [new WorkerIndex(), new WorkerIndex({ size: 2, from: 4 }), new WorkerIndex({ size: 4, from: 4 }), new WorkerIndex({ size: 8, from: 8 })];
        const workers: MatchWorker[] = [];
        snapshots.forEach((snapshot, i) => {
          const alike = { ...snapshot, workerId: ids[i]!, desiredOccupations: [vacancy.terms.occupationCode], communeCode: vacancy.terms.communeCode };
          const w = compileWorker(alike, tables);
          workers.push(w);
          for (const index of indexes) index.upsert(w);
        });
        const v = compileVacancy(vacancy, tables, config);
        const truth = oracleForVacancy(ctx, workers, v, config.kPerVacancy);
        for (const index of indexes) {
          expect(new VacancyQuery(index).run(ctx, v, config.kPerVacancy)).toEqual(truth);
          expect(new VacancyQuery(index, undefined, true).run(ctx, v, config.kPerVacancy)).toEqual(truth);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("must-have holders fewer than their tier's groups are visited alone, each bounded by their place in that tier, and equal the oracle", () => {
    const withMustHave = vacancySnapshot.filter((vacancy) => vacancy.status === 'open' && vacancy.terms.skills.some((skill) => skill.mustHave));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(workerSnapshot, fc.nat(5), fc.boolean()), { minLength: 8, maxLength: 60 }),
        withMustHave,
        fc.array(vacancySnapshot, { maxLength: 3 }),
        (drawn, vacancy, others) => {
          // Many workers of the vacancy's occupation in every place (many groups), few of them holding its must-have
          // (one in six): each tier's holders, counted from their (occupation, skill) postings, are fewer than its groups.
          const must = vacancy.terms.skills.find((skill) => skill.mustHave)!.code;
          const workers = drawn.map(([snapshot, holds, own], i) => {
            const skills = snapshot.skills.filter((skill) => skill.code !== must);
            return compileWorker(
              {
                ...snapshot,
                workerId: ids[i % ids.length]! + String(i),
                desiredOccupations: own ? [vacancy.terms.occupationCode, ...snapshot.desiredOccupations.slice(0, 1)] : snapshot.desiredOccupations,
                skills: holds === 0 ? [...skills, { code: must, level: 3 }] : skills,
              },
              tables,
            );
          });
          const index = new WorkerIndex({ size: 2, from: 4 });
          for (const w of workers) index.upsert(w);
          const query = new VacancyQuery(index, 0);
          // Other vacancies first (as the engine runs one query after another), then the one with the must-have.
          for (const other of [...others.map((snapshot) => compileVacancy(snapshot, tables, config)), compileVacancy(vacancy, tables, config)])
            expect(query.run(ctx, other, config.kPerVacancy)).toEqual(oracleForVacancy(ctx, workers, other, config.kPerVacancy));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('a vacancy requiring the national language (which everyone speaks, and which is not posted by occupation) equals the oracle', () => {
    fc.assert(
      fc.property(fc.array(workerSnapshot, { minLength: 1, maxLength: 40 }), vacancySnapshot, (snapshots, vacancy) => {
        const index = new WorkerIndex({ size: 2, from: 4 });
        const workers = snapshots.map((snapshot, i) => compileWorker({ ...snapshot, workerId: ids[i]! }, tables));
        for (const w of workers) index.upsert(w);
        const v = compileVacancy({ ...vacancy, status: 'open', terms: { ...vacancy.terms, languages: [...vacancy.terms.languages, { code: 'vi', required: true }] } }, tables, config);
        const truth = oracleForVacancy(ctx, workers, v, config.kPerVacancy);
        for (const query of [new VacancyQuery(index), new VacancyQuery(index, 0)]) expect(query.run(ctx, v, config.kPerVacancy)).toEqual(truth);
      }),
      { numRuns: 200 },
    );
  });

  it('a worker query equals the oracle, with big vacancy groups cut into runs of like skills, after upserts and removals', () => {
    fc.assert(
      fc.property(fc.array(vacancySnapshot, { minLength: 1, maxLength: 30 }), fc.array(fc.nat(29)), fc.array(workerSnapshot, { minLength: 1, maxLength: 3 }), (snapshots, removals, workers) => {
        // The default layout never cuts these few vacancies into runs; the small one does (runs of 2 from 3 vacancies), the last one all at once (upsertMany, as at start-up).
        const indexes = [new VacancyIndex(), new VacancyIndex({ size: 2, from: 3 }), new VacancyIndex({ size: 2, from: 3 })];
        for (const index of indexes) {
          const compiled = snapshots.map((snapshot, i) => compileVacancy({ ...snapshot, vacancyId: `v-${i}` }, tables, config));
          if (index === indexes[2]) index.upsertMany(compiled);
          else for (const v of compiled) index.upsert(v);
          // A query between changes builds the runs, so the removals and the upserts after them find runs to replace.
          topVacancies(ctx, index, compileWorker(workers[0]!, tables), config.kPerWorker);
          for (const i of removals) index.remove(`v-${i}`);
          snapshots.slice(0, 3).forEach((snapshot, i) => index.upsert(compileVacancy({ ...snapshot, vacancyId: `v-${i}` }, tables, config)));
          for (const worker of workers) {
            const w = compileWorker(worker, tables);
            expect(topVacancies(ctx, index, w, config.kPerWorker)).toEqual(oracleForWorker(ctx, index.all.values(), w, config.kPerWorker));
          }
        }
      }),
      { numRuns: 400 },
    );
  });
  it('the last tier (occupations unlike those the worker wants): a worker query equals the oracle, and every list the worker can enter is listed, with the groups of a place paid differently, after changes between queries', () => {
    const wage = fc.integer({ min: 10, max: 30 }).map((n) => n * 500_000);
    const lastTier = fc.record({ snapshot: vacancySnapshot, occupation: fc.constantFrom('7212', '7222', '8121', '8153'), wageMin: wage, extra: fc.nat(10), place: fc.constantFrom('05443', '05518') });
    fc.assert(
      fc.property(
        fc.array(lastTier, { minLength: 1, maxLength: 30 }),
        fc.array(fc.nat(29)),
        fc.array(lastTier, { maxLength: 6 }),
        workerSnapshot,
        wage,
        fc.array(fc.double({ min: 0.2, max: 0.9, noNaN: true }), { minLength: 30, maxLength: 30 }),
        (made, removals, later, worker, expected, thresholds) => {
          const compile = ({ snapshot, occupation, wageMin, extra, place }: (typeof made)[number], i: number) =>
            compileVacancy(
              { ...snapshot, vacancyId: `v-${i}`, terms: { ...snapshot.terms, occupationCode: occupation, communeCode: place, industrialParkCode: undefined, wageMinVnd: wageMin, wageMaxVnd: wageMin + extra * 500_000 } },
              tables,
              config,
            );
          const index = new VacancyIndex({ size: 2, from: 3 });
          made.forEach((m, i) => index.upsert(compile(m, i)));
          // ICT work: no similarity with any of these occupations, so that every vacancy is in the last tier, entered by place.
          const w = compileWorker({ ...worker, desiredOccupations: ['2512'], expectedWageVnd: expected }, tables);
          const check = () => checkWorkerQuery(index, w, thresholds);
          check();
          for (const i of removals) index.remove(`v-${i}`);
          // Some replace vacancies, some are new (a group widened by an opening alone).
          later.forEach((m, i) => index.upsert(compile(m, i % 2 === 0 ? i : 100 + i)));
          check();
        },
      ),
      { numRuns: 400 },
    );
  });

  it("openings and closings in a group already cut into runs: the runs' packed skills are made again, and the worker query (its own occupation, or the last tier) and the lists it can enter match the oracle", () => {
    fc.assert(
      fc.property(
        fc.array(vacancySnapshot, { minLength: 3, maxLength: 30 }),
        fc.array(fc.nat(29), { minLength: 1 }),
        fc.array(vacancySnapshot, { minLength: 1, maxLength: 8 }),
        workerSnapshot,
        fc.boolean(),
        fc.array(fc.double({ min: 0.2, max: 0.9, noNaN: true }), { minLength: 30, maxLength: 30 }),
        (snapshots, removals, openings, worker, lastTier, thresholds) => {
          const index = new VacancyIndex({ size: 2, from: 3 });
          const compile = (snapshot: (typeof snapshots)[number], id: string) =>
            compileVacancy({ ...snapshot, vacancyId: id, terms: { ...snapshot.terms, occupationCode: '8153', communeCode: '05443', industrialParkCode: undefined } }, tables, config);
          snapshots.forEach((snapshot, i) => index.upsert(compile(snapshot, `v-${i}`)));
          // ICT work has no similarity with machine operating: the group is then reached from its place's rows.
          const w = compileWorker({ ...worker, desiredOccupations: [lastTier ? '2512' : '8153'], communeCode: '05443' }, tables);
          // Each check queries, so the runs (and their packed skills) are made before the next change.
          const check = () => checkWorkerQuery(index, w, thresholds);
          check();
          for (const i of removals) index.remove(`v-${i}`);
          check();
          // New vacancies only: an opening alone must have its run's skills packed again.
          openings.forEach((snapshot, i) => index.upsert(compile(snapshot, `n-${i}`)));
          check();
        },
      ),
      { numRuns: 400 },
    );
  });

  it('a worker query equals the oracle when every vacancy shares one occupation and place, so that skills decide (runs of vacancies)', () => {
    fc.assert(
      fc.property(fc.array(vacancySnapshot, { minLength: 1, maxLength: 30 }), workerSnapshot, (snapshots, worker) => {
        const index = new VacancyIndex({ size: 2, from: 3 });
        snapshots.forEach((snapshot, i) =>
          index.upsert(compileVacancy({ ...snapshot, vacancyId: `v-${i}`, terms: { ...snapshot.terms, occupationCode: '8153', communeCode: '05443', industrialParkCode: undefined } }, tables, config)),
        );
        const w = compileWorker({ ...worker, desiredOccupations: ['8153'], communeCode: '05443' }, tables);
        expect(topVacancies(ctx, index, w, config.kPerWorker)).toEqual(oracleForWorker(ctx, index.all.values(), w, config.kPerWorker));
      }),
      { numRuns: 400 },
    );
  });
});
