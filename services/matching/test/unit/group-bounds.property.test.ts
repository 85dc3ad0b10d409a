import fc from 'fast-check';
import type { VacancySnapshot, WorkerSnapshot } from '@ketnoi/contracts';
import { describe, expect, it } from 'vitest';
import { monthIndex } from '../../src/domain/age.js';
import { compileVacancy } from '../../src/domain/compile-vacancy.js';
import { compileWorker } from '../../src/domain/compile-worker.js';
import { cheapBound, evaluate } from '../../src/domain/evaluate.js';
import type { MatchVacancy, MatchWorker } from '../../src/domain/model.js';
import { occupationValue } from '../../src/domain/factors.js';
import { groupLocation, vacancyBoundAt, vacancyGroupBound, workerGroupBound } from '../../src/domain/group-bounds.js';
import { DEFAULT_SCORING } from '../../src/domain/scoring-config.js';
import { scoringContext } from '../../src/domain/scoring-context.js';
import { groupLocal, memberLocation } from '../../src/index/group-location.js';
import { VacancyIndex } from '../../src/index/vacancy-index.js';
import { WorkerIndex } from '../../src/index/worker-index.js';
import type { WorkerGroup } from '../../src/index/worker-group.js';
import { vacancySnapshot, workerSnapshot } from '../arbitraries.js';
import { testTables } from '../mothers.js';

const tables = testTables();
const ctx = scoringContext(tables, { ...DEFAULT_SCORING, minScore: 0 }, monthIndex('2026-11'));

/** An index after the workers' upserts and these removals, and the vacancy compiled open. */
function indexAndVacancy(workers: readonly WorkerSnapshot[], removals: readonly number[], vacancy: VacancySnapshot) {
  const index = new WorkerIndex();
  for (const snapshot of workers) index.upsert(compileWorker(snapshot, tables));
  for (const i of removals) index.remove(workers[i % workers.length]!.workerId);
  return { index, v: { ...compileVacancy(vacancy, tables, ctx.config), open: true } };
}

/** Each member of the index's groups who scores for the vacancy, with their group, score and occupation value. */
function forEachMatchingMember(index: WorkerIndex, v: MatchVacancy, visit: (w: MatchWorker, group: WorkerGroup, score: number, occupation: number) => void): void {
  for (const byPlace of index.byOccupation.groups.values())
    for (const group of byPlace.values())
      for (let i = 0; i < group.slots.length; i += 1) {
        const w = index.view(group.slots.data[i]!);
        const score = evaluate(ctx, w, v);
        if (score >= 0) visit(w, group, score, occupationValue(tables, w.lists, w.at, w.at + w.nOccupations, v.occupation));
      }
}

describe('group bounds (block maxima)', () => {
  it('no member of a worker group scores above the group bound, after any upserts and removals', () => {
    fc.assert(
      fc.property(fc.array(workerSnapshot, { minLength: 1, maxLength: 40 }), fc.array(fc.nat(8)), vacancySnapshot, (workers, removals, vacancy) => {
        const { index, v } = indexAndVacancy(workers, removals, vacancy);
        forEachMatchingMember(index, v, (_w, group, score, occupation) => {
          expect(workerGroupBound(ctx, v, occupation, group)).toBeGreaterThanOrEqual(score);
        });
      }),
      { numRuns: 300 },
    );
  });

  it("no member of a worker group scores above the group bound with the member's own location factor instead of the group's best (the member check of VacancyQuery), after any upserts and removals", () => {
    fc.assert(
      fc.property(fc.array(workerSnapshot, { minLength: 1, maxLength: 40 }), fc.array(fc.nat(8)), vacancySnapshot, (workers, removals, vacancy) => {
        const { index, v } = indexAndVacancy(workers, removals, vacancy);
        const local = { km: 0, relocateValue: 0, restButLocation: 0 };
        forEachMatchingMember(index, v, (w, group, score, occupation) => {
          // As VacancyQuery takes it: the group's bound for everything but skills (with its margin), then skills at 1.
          const rest = workerGroupBound(ctx, v, occupation, group) - ctx.weights[1]! + 1e-9;
          groupLocal(ctx, v, group, rest, local);
          expect(local.restButLocation + ctx.weights[3]! * memberLocation(ctx, local, w.maxCommuteTenths, w.flags) + ctx.weights[1]!).toBeGreaterThanOrEqual(score);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('no open vacancy of a group scores above the group bound for a worker, after any upserts and removals', () => {
    fc.assert(
      fc.property(fc.array(vacancySnapshot, { minLength: 1, maxLength: 20 }), fc.array(fc.nat(4)), workerSnapshot, (vacancies, removals, worker) => {
        const index = new VacancyIndex();
        for (const snapshot of vacancies) index.upsert(compileVacancy(snapshot, tables, ctx.config));
        for (const i of removals) index.remove(vacancies[i % vacancies.length]!.vacancyId);
        const w = compileWorker(worker, tables);
        for (const byPlace of index.openByOccupation.values())
          for (const group of byPlace.values())
            for (const v of group.vacancies.values()) {
              const score = evaluate(ctx, w, v);
              if (score < 0) continue;
              const occupation = occupationValue(tables, w.lists, w.at, w.at + w.nOccupations, v.occupation);
              expect(vacancyGroupBound(ctx, w, occupation, group)).toBeGreaterThanOrEqual(score);
            }
        expect(index.openSize).toBe([...index.open()].length);
      }),
      { numRuns: 300 },
    );
  });

  it("one vacancy's own numbers and its location factor give its cheap bound to the last bit (the worker query bounds a run's vacancies from their rows, and a tie with the k-th score is decided by id)", () => {
    fc.assert(
      fc.property(vacancySnapshot, workerSnapshot, fc.double({ min: 0, max: 1, noNaN: true }), (vacancy, worker, skills) => {
        const v = compileVacancy(vacancy, tables, ctx.config);
        const w = compileWorker(worker, tables);
        const occupation = occupationValue(tables, w.lists, w.at, w.at + w.nOccupations, v.occupation);
        const location = groupLocation(ctx, w, v.place, v.housing, !v.housing);
        expect(vacancyBoundAt(ctx, w, occupation, location, v.minQualification, v.wageMaxK, v.minExperienceTenths, v.welcomed, skills)).toBe(cheapBound(ctx, w, v, occupation, skills));
      }),
      { numRuns: 500 },
    );
  });
});
