import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monthIndex } from '../../src/domain/age.js';
import { compileVacancy } from '../../src/domain/compile-vacancy.js';
import { compileWorker } from '../../src/domain/compile-worker.js';
import { languagesValue, speaks } from '../../src/domain/factors.js';
import type { MatchWorker } from '../../src/domain/model.js';
import { DEFAULT_SCORING } from '../../src/domain/scoring-config.js';
import { scoringContext } from '../../src/domain/scoring-context.js';
import { languageGaps, languageMask } from '../../src/index/language-ceiling.js';
import { vacancySnapshot, workerSnapshot } from '../arbitraries.js';
import { aVacancy, aWorker, testTables } from '../mothers.js';

const tables = testTables();
const ctx = scoringContext(tables, DEFAULT_SCORING, monthIndex('2026-11'));
const languages = (w: MatchWorker): [number, number] => {
  const from = w.at + w.nOccupations + w.nSkills + w.nCertificates;
  return [from, from + w.nLanguages];
};
const LANGUAGES = 6;

describe('languages ceiling from a languages mask', () => {
  it("never takes off more than a worker's languages lose, nor more than any member of a group loses, and rules out only those lacking a required language", () => {
    fc.assert(
      fc.property(fc.array(workerSnapshot, { minLength: 1, maxLength: 5 }), vacancySnapshot, (snapshots, vacancy) => {
        const workers = snapshots.map((s) => compileWorker(s, tables));
        const v = compileVacancy(vacancy, tables, DEFAULT_SCORING);
        const gaps = new Float64Array(256);
        if (!languageGaps(ctx, v, gaps)) {
          expect(v.requiredLanguages.length + v.preferredLanguages.length).toBe(0);
          return;
        }
        const group = workers.reduce((mask, w) => mask | languageMask(w.lists, ...languages(w)), 0);
        for (const w of workers) {
          const own = gaps[languageMask(w.lists, ...languages(w))]!;
          const passes = [...v.requiredLanguages].every((need) => speaks(tables, w.lists, ...languages(w), need));
          if (!passes) continue;
          const lost = ctx.weights[LANGUAGES]! * (1 - languagesValue(tables, w.lists, ...languages(w), v.requiredLanguages, v.preferredLanguages));
          expect(own).toBeLessThanOrEqual(lost);
          expect(gaps[group]!).toBeLessThanOrEqual(own);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('takes off the whole weight from a worker speaking none of the preferred languages, nothing from one speaking them all, and rules out one lacking a required language', () => {
    const v = compileVacancy(
      aVacancy({}, { languages: [{ code: 'ko', minLevel: 'TOPIK3', required: false }, { code: 'ja', minLevel: 'N3', required: false }] }),
      tables,
      DEFAULT_SCORING,
    );
    const gaps = new Float64Array(256);
    expect(languageGaps(ctx, v, gaps)).toBe(true);
    const maskOf = (w: MatchWorker) => languageMask(w.lists, ...languages(w));
    const none = compileWorker(aWorker({ languages: [{ code: 'vi' }] }), tables);
    const both = compileWorker(aWorker({ languages: [{ code: 'vi' }, { code: 'ko', level: 'TOPIK4' }, { code: 'ja', level: 'N2' }] }), tables);
    expect(gaps[maskOf(none)]).toBeCloseTo(ctx.weights[LANGUAGES]!, 6);
    expect(gaps[maskOf(both)]).toBe(0);
    const required = compileVacancy(aVacancy({}, { languages: [{ code: 'ko', minLevel: 'TOPIK3', required: true }] }), tables, DEFAULT_SCORING);
    languageGaps(ctx, required, gaps);
    expect(gaps[maskOf(none)]).toBe(Number.POSITIVE_INFINITY);
    expect(gaps[maskOf(both)]).toBe(0);
  });
});
