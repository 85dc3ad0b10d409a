import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileVacancy } from '../../src/domain/compile-vacancy.js';
import { compileWorker } from '../../src/domain/compile-worker.js';
import { skillsValue } from '../../src/domain/factors.js';
import { skillsOf } from '../../src/domain/model.js';
import { DEFAULT_SCORING } from '../../src/domain/scoring-config.js';
import { essentialSkills } from '../../src/index/essential-skills.js';
import { addSkillBits, SkillCeiling } from '../../src/index/skill-ceiling.js';
import { vacancySnapshot, workerSnapshot } from '../arbitraries.js';
import { aVacancy, aWorker, testTables } from '../mothers.js';

const tables = testTables();
const maskOf = (workers: ReturnType<typeof compileWorker>[]): Uint32Array => {
  const mask = new Uint32Array(2);
  for (const w of workers) addSkillBits(w.lists, ...skillsOf(w), mask, 0);
  return mask;
};

describe('skills ceiling from a skill mask', () => {
  it('is never below the exact skills factor of a worker, nor of any member of a group', () => {
    fc.assert(
      fc.property(fc.array(workerSnapshot, { minLength: 1, maxLength: 5 }), vacancySnapshot, (snapshots, vacancy) => {
        const workers = snapshots.map((s) => compileWorker(s, tables));
        const v = compileVacancy(vacancy, tables, DEFAULT_SCORING);
        const ceiling = new SkillCeiling();
        ceiling.prepare(tables, v);
        const group = maskOf(workers);
        for (const w of workers) {
          const exact = skillsValue(tables, w.lists, ...skillsOf(w), v.skills, v.skillWeights);
          const own = maskOf([w]);
          expect(ceiling.of(own[0]!, own[1]!)).toBeGreaterThanOrEqual(exact);
          expect(ceiling.of(group[0]!, group[1]!)).toBeGreaterThanOrEqual(exact);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is 0 for a worker without skills, 1 for one holding every skill asked', () => {
    const v = compileVacancy(aVacancy({}, { skills: [{ code: 'welding', mustHave: false, weight: 1 }] }), tables, DEFAULT_SCORING);
    const ceiling = new SkillCeiling();
    ceiling.prepare(tables, v);
    const none = maskOf([compileWorker(aWorker({ skills: [] }), tables)]);
    const welder = maskOf([compileWorker(aWorker({ skills: [{ code: 'welding', level: 3 }] }), tables)]);
    expect(ceiling.of(none[0]!, none[1]!)).toBe(0);
    expect(ceiling.of(welder[0]!, welder[1]!)).toBe(1);
  });
});

describe('essential skills', () => {
  const v = compileVacancy(aVacancy({}, { skills: [{ code: 'welding', mustHave: false, weight: 1 }] }), tables, DEFAULT_SCORING);
  const welding = tables.skills.idOf('welding')!;

  it('when nearly full skills are needed, only holders of the skill itself can still enter', () => {
    expect(essentialSkills(tables, v, 0.95, (skills) => skills.length)?.skills).toEqual([welding]);
  });

  it('every worker whose skills factor reaches the least asked holds one of the skills it returns', () => {
    fc.assert(
      fc.property(fc.array(workerSnapshot, { minLength: 1, maxLength: 6 }), vacancySnapshot, fc.double({ min: 0.01, max: 1, noNaN: true }), fc.nat(5), (snapshots, vacancy, minSkills, seed) => {
        const v = compileVacancy(vacancy, tables, DEFAULT_SCORING);
        // Holder counts that differ by skill, so that every set of the skills asked may be the cheapest.
        const cut = essentialSkills(tables, v, minSkills, (skills) => skills.reduce((n, skill) => n + ((skill * 7 + seed) % 11) + 1, 0));
        if (!cut) return;
        const kept = new Set(cut.skills);
        for (const w of snapshots.map((s) => compileWorker(s, tables))) {
          const [from, to] = skillsOf(w);
          if (skillsValue(tables, w.lists, from, to, v.skills, v.skillWeights) < minSkills) continue;
          expect(Array.from(w.lists.subarray(from, to)).some((skill) => kept.has(skill))).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('with three skills asked alike, of which two are needed, cuts by the holders of the two with fewest', () => {
    const three = compileVacancy(
      aVacancy({}, { skills: ['welding', 'garment', 'driving'].map((code) => ({ code, mustHave: false, weight: 1 })) }),
      tables,
      DEFAULT_SCORING,
    );
    const [welding, garment, driving] = ['welding', 'garment', 'driving'].map((code) => tables.skills.idOf(code)!);
    // Missing one of three (a third of the factor) still leaves 2/3 ≥ .5: only a set of two or all three cuts, and welding's holders are many.
    const cut = essentialSkills(tables, three, 0.5, (skills) => skills.reduce((n, skill) => n + (skill === welding ? 1000 : 1), 0));
    expect(cut?.skills).toContain(garment);
    expect(cut?.skills).toContain(driving);
    expect(cut?.skills).not.toContain(welding);
  });

  it('cuts nothing when no skill is needed to reach the k-th score', () => {
    expect(essentialSkills(tables, v, 0, (skills) => skills.length)).toBeUndefined();
  });
});
