import type { VacancySnapshot, WorkerSnapshot } from '@ketnoi/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileVacancy } from '../../src/domain/compile-vacancy.js';
import { compileWorker } from '../../src/domain/compile-worker.js';
import { skillsValue } from '../../src/domain/factors.js';
import { skillsOf } from '../../src/domain/model.js';
import { DEFAULT_SCORING } from '../../src/domain/scoring-config.js';
import { signatureOf, signaturesMeet, SIGNATURE_WORDS, SkillShares, skillCredits, skillsFromCredits } from '../../src/index/skill-shares.js';
import { CLOSED_TO_MINORS, HOUSING, PLACE_COLUMNS, PLACE_ROW, RUN_COLUMNS, RUN_ROW, VacancyIndex, type VacancyBlock } from '../../src/index/vacancy-index.js';
import { vacancySnapshot, workerSnapshot } from '../arbitraries.js';
import { aVacancy, aWorker, testTables } from '../mothers.js';

const tables = testTables();

describe('skill shares of a vacancy group (the worker query skills bound)', () => {
  it("a worker's skills factor from their credits is the exact one, and no vacancy of a group, place or run exceeds its ceiling, runs hold each vacancy of the group once, `reaches` decides as the ceiling, and the packed copies (PackedShares) as their blocks, after any upserts and removals", () => {
    fc.assert(
      fc.property(fc.array(vacancySnapshot, { minLength: 1, maxLength: 20 }), fc.array(fc.nat(19)), fc.array(fc.tuple(fc.nat(19), vacancySnapshot)), workerSnapshot, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (vacancies, removals, upserts, worker, rest, threshold) => {
        checkShares(vacancies, removals, upserts, worker, rest, threshold, (snapshot) => snapshot);
      }),
      { numRuns: 400 },
    );
  });

  it('the same when every vacancy shares one occupation and place, so that one group holds them all and its runs are split, emptied and refilled', () => {
    const alike = (snapshot: VacancySnapshot): VacancySnapshot => ({ ...snapshot, terms: { ...snapshot.terms, occupationCode: '8153', communeCode: '05443', industrialParkCode: undefined } });
    fc.assert(
      fc.property(fc.array(vacancySnapshot, { minLength: 1, maxLength: 20 }), fc.array(fc.nat(19)), fc.array(fc.tuple(fc.nat(19), vacancySnapshot)), workerSnapshot, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (vacancies, removals, upserts, worker, rest, threshold) => {
        checkShares(vacancies, removals, upserts, worker, rest, threshold, alike);
      }),
      { numRuns: 400 },
    );
  });

  it('keeps the largest share of each skill raised, whether found by scanning (16 skills or fewer) or by its map (more)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(40), fc.double({ min: 0, max: 0.99, noNaN: true })), { minLength: 20, maxLength: 80, size: 'max' }), (raises) => {
        const shares = new SkillShares();
        const largest = new Map<number, number>();
        for (const [skill, share] of raises) {
          shares.raise(skill, share);
          largest.set(skill, Math.max(largest.get(skill) ?? 0, share));
        }
        expect(shares.skills).toHaveLength(largest.size);
        const credits = new Float64Array(41);
        for (const [skill, share] of largest) {
          credits.fill(0);
          credits[skill] = 1;
          expect(shares.ceiling(credits)).toBe(share);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('two sets of skills sharing a skill have signatures that meet', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(500), { maxLength: 8 }), fc.array(fc.nat(500), { maxLength: 8 }), fc.nat(500), (a, b, shared) => {
        const rows = new Float64Array(3 + SIGNATURE_WORDS);
        const other = new Int32Array(SIGNATURE_WORDS);
        signatureOf([...a, shared], rows, 3);
        signatureOf([...b, shared], other);
        expect(signaturesMeet(rows, 3, other)).toBe(true);
        signatureOf([], other);
        expect(signaturesMeet(rows, 3, other)).toBe(false);
      }),
    );
  });

  it('counts a skill asked twice with both its shares, and is 0 for a worker with no credit for any skill asked', () => {
    const twice = compileVacancy(
      aVacancy({}, { skills: [{ code: 'welding', mustHave: false, weight: 1 }, { code: 'garment', mustHave: false, weight: 1 }, { code: 'welding', mustHave: false, weight: 1 }] }),
      tables,
      DEFAULT_SCORING,
    );
    const index = new VacancyIndex();
    index.upsert(twice);
    const group = [...index.openByOccupation.values()][0]!.get(twice.place)!;
    const welder = compileWorker(aWorker({ skills: [{ code: 'welding', level: 3 }] }), tables);
    const credits = skillCredits(tables, welder.lists, ...skillsOf(welder), new Float64Array(0));
    expect(group.shares.ceiling(credits)).toBeGreaterThanOrEqual(skillsValue(tables, welder.lists, ...skillsOf(welder), twice.skills, twice.skillWeights));
    const none = compileWorker(aWorker({ skills: [] }), tables);
    expect(group.shares.ceiling(skillCredits(tables, none.lists, ...skillsOf(none), credits))).toBe(0);
  });
});

function checkShares(
  vacancies: VacancySnapshot[],
  removals: number[],
  upserts: [number, VacancySnapshot][],
  worker: WorkerSnapshot,
  rest: number,
  threshold: number,
  shape: (snapshot: VacancySnapshot) => VacancySnapshot,
): void {
  const index = new VacancyIndex({ size: 2, from: 3 });
  const upsert = (i: number, snapshot: VacancySnapshot) => index.upsert(compileVacancy(shape({ ...snapshot, vacancyId: `v-${i}` }), tables, DEFAULT_SCORING));
  vacancies.forEach((snapshot, i) => upsert(i, snapshot));
  // Runs built first, so that the removals and upserts after update them in place (a run split when it doubles, emptied, or dropped with its group).
  for (const byPlace of index.openByOccupation.values()) for (const group of byPlace.values()) group.blocks();
  for (const i of removals) index.remove(`v-${i}`);
  for (const [i, snapshot] of upserts) upsert(i, snapshot);
  const w = compileWorker(worker, tables);
  const credits = skillCredits(tables, w.lists, ...skillsOf(w), new Float64Array(0));
  for (const byPlace of index.openByOccupation.values())
    for (const group of byPlace.values()) {
      group.summary.tighten();
      // `reaches` sums only as far as needed, and decides as the whole ceiling does.
      for (const block of [group, group.summary]) expect(block.shares.reaches(credits, rest, 0.25, threshold)).toBe(!(rest + 0.25 * block.shares.ceiling(credits) < threshold));
      const runs = group.packedRuns();
      if (runs) expect(runs.flatMap((run) => run.vacancies.map((v) => v.id)).sort()).toEqual([...group.vacancies.keys()].sort());
      // Each run's rows of its vacancies' cheap numbers, in its order, after the insertions and removals too.
      for (const run of runs ?? []) {
        const row = (i: number) => Object.fromEntries(Object.entries(RUN_COLUMNS).map(([name, column]) => [name, run.terms[i * RUN_ROW + column]]));
        expect(run.terms.length).toBe(run.vacancies.length * RUN_ROW);
        expect(run.vacancies.map((_, i) => row(i))).toEqual(
          run.vacancies.map((v) => ({
            minQualification: v.minQualification,
            wageMaxK: v.wageMaxK,
            minExperienceTenths: v.minExperienceTenths,
            flags: (v.housing ? HOUSING : 0) | (v.closedToMinors ? CLOSED_TO_MINORS : 0),
            welcomed: v.welcomed,
          })),
        );
      }
      // The packed copies decide as the blocks they were made from: each run's, and each group's in its place's row order.
      const decides = (block: VacancyBlock) => !(rest + 0.25 < threshold) && (block.noSkills || block.shares.reaches(credits, rest, 0.25, threshold));
      (runs ?? []).forEach((run, i) => expect(group.runShares.reaches(i, credits, rest, 0.25, threshold)).toBe(decides(run)));
      const rows = group.summary.groupRows();
      const place = group.summary;
      for (let r = 0; r < rows.length / PLACE_ROW; r += 1) {
        const inRow = place.groups[rows[r * PLACE_ROW + PLACE_COLUMNS.group]!]!;
        expect(place.rowShares.reaches(r, credits, rest, 0.25, threshold)).toBe(decides(inRow));
        // The place's copy of each row's runs: the group's own, in order.
        const copied = place.runs.slice(place.runFrom[r], place.runFrom[r + 1]);
        expect(copied.length === (inRow.blocks() ?? []).length && copied.every((run, i) => run === inRow.blocks()![i])).toBe(true);
      }
      place.runs.forEach((run, j) => expect(place.runShares.reaches(j, credits, rest, 0.25, threshold)).toBe(decides(run)));
      const runOf = new Map((runs ?? []).flatMap((run) => run.vacancies.map((v) => [v.id, run] as const)));
      for (const v of group.vacancies.values()) {
        const exact = skillsValue(tables, w.lists, ...skillsOf(w), v.skills, v.skillWeights);
        expect(skillsFromCredits(v, credits)).toBe(exact);
        if (v.skills.length === 0) {
          if (runs) expect(runOf.get(v.id)!.noSkills).toBe(true);
          continue;
        }
        expect(group.shares.ceiling(credits)).toBeGreaterThanOrEqual(exact);
        expect(group.summary.shares.ceiling(credits)).toBeGreaterThanOrEqual(exact);
        const run = runOf.get(v.id);
        if (run) expect(run.shares.ceiling(credits)).toBeGreaterThanOrEqual(exact);
      }
    }
}
