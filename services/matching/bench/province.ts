import type { VacancySnapshot, WorkerSnapshot } from '@ketnoi/contracts';
import { referenceData, type ReferenceData } from '@ketnoi/reference-data';
import { monthIndex } from '../src/domain/age.js';
import { compileVacancy } from '../src/domain/compile-vacancy.js';
import { compileWorker } from '../src/domain/compile-worker.js';
import { ReferenceTables } from '../src/domain/reference-tables.js';
import { DEFAULT_SCORING } from '../src/domain/scoring-config.js';
import { scoringContext } from '../src/domain/scoring-context.js';
import { MatchEngine } from '../src/engine/match-engine.js';
import { pick, seeded, zipf } from './random.js';

/** The province's common work first (factories, industrial parks), then the rest of ISCO in a fixed shuffled order. */
const COMMON_OCCUPATIONS = ['8153', '8212', '9329', '7212', '8121', '9333', '8322', '5223', '7411', '7233', '8160', '9211', '5120', '3115', '2512'];
const COMMON_SKILLS = ['electronics-assembly', 'garment', 'welding', 'production', 'quality', 'driving', 'metalwork', 'electrical', 'maintenance', 'logistics', 'sales', 'cooking'];
const QUALIFICATIONS = ['none', 'elementary', 'intermediate', 'college', 'university', 'postgraduate'] as const;
const FALSE_GROUPS = {
  poorHousehold: false,
  nearPoorHousehold: false,
  recentlyOutOfPoverty: false,
  ethnicMinority: false,
  disability: false,
  backFromAbroad: false,
  demobilised: false,
  youth: false,
};
const GROUP_KEYS = Object.keys(FALSE_GROUPS) as (keyof typeof FALSE_GROUPS)[];

const shuffled = <T>(items: T[], random: () => number): T[] => {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
};

/** A seeded generator of Thái Nguyên-like workers and vacancies (skewed occupations, skills and places). */
export function province(reference: ReferenceData, seed = 20260612) {
  const random = seeded(seed);
  const units = reference.list('occupations').items.filter((o) => o.code.length === 4).map((o) => o.code);
  const occupations = [...COMMON_OCCUPATIONS.filter((c) => units.includes(c)), ...shuffled(units.filter((c) => !COMMON_OCCUPATIONS.includes(c)), random)];
  const skillRows = reference.list('skills').items;
  const allSkills = skillRows.filter((s) => s.kind === 'skill').map((s) => s.code);
  const skills = [...COMMON_SKILLS.filter((c) => allSkills.includes(c)), ...shuffled(allSkills.filter((c) => !COMMON_SKILLS.includes(c)), random)];
  const certificates = skillRows.filter((s) => s.kind === 'certificate').map((s) => s.code);
  const communes = reference.list('communes').items.map((c) => c.code);
  const parks = reference.list('industrial-parks').items;
  const occupation = zipf(occupations, 1.1, random);
  const skill = zipf(skills, 1.0, random);
  const commune = zipf(shuffled([...communes], random), 0.8, random);
  const chance = (p: number) => random() < p;
  const related = (code: string) => (chance(0.5) ? code : (pick(units.filter((u) => u.startsWith(code.slice(0, 3))), random) ?? code));
  const few = <T>(n: number, draw: () => T) => [...new Set(Array.from({ length: n }, draw))];

  const worker = (i: number): WorkerSnapshot => {
    const first = occupation();
    return {
      workerId: `w-${String(i).padStart(8, '0')}`,
      version: 1,
      status: chance(0.9) ? 'looking' : 'not-looking',
      employmentStatus: 'unemployed',
      consentToMatching: chance(0.95),
      birthMonth: `${1966 + Math.floor(random() * 45)}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}`,
      gender: chance(0.5) ? 'female' : 'male',
      communeCode: commune(),
      desiredOccupations: few(1 + Math.floor(random() * 3), () => related(first)),
      skills: few(Math.floor(random() * 6), skill).map((code) => ({ code, level: 1 + Math.floor(random() * 5) })),
      certificates: chance(0.15) ? [pick(certificates, random)] : [],
      qualification: QUALIFICATIONS[Math.min(5, Math.floor(random() * random() * 6))]!,
      languages: chance(0.1) ? [{ code: pick(['ko', 'ja', 'zh', 'en'] as const, random), level: pick(['A2', 'B1', 'B2'], random) }] : [],
      experienceYears: Math.floor(random() * 15),
      expectedWageVnd: chance(0.7) ? 5_000_000 + Math.floor(random() * 15) * 500_000 : undefined,
      maxCommuteKm: chance(0.6) ? 10 + Math.floor(random() * 40) : undefined,
      willingToRelocate: chance(0.2),
      shifts: ['day'],
      priority: chance(0.25) ? { ...FALSE_GROUPS, [pick(GROUP_KEYS, random)]: true } : FALSE_GROUPS,
      registeredAt: '2026-01-01T00:00:00.000Z',
    };
  };

  const vacancy = (i: number): VacancySnapshot => {
    const park = chance(0.6) ? pick(parks, random) : undefined;
    const fdi = chance(0.3);
    const wageMin = 5_000_000 + Math.floor(random() * 10) * 500_000;
    return {
      vacancyId: `v-${String(i).padStart(8, '0')}`,
      version: 1,
      employerId: `e-${String(i % 5000).padStart(6, '0')}`,
      status: 'open',
      positionsFilled: 0,
      fdi,
      vsicSector: 'C26',
      openedAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      terms: {
        title: 'Vị trí',
        occupationCode: occupation(),
        positions: 1 + Math.floor(random() * 50),
        skills: few(1 + Math.floor(random() * 3), skill).map((code) => ({ code, mustHave: chance(0.2), weight: 0.5 + Math.floor(random() * 6) / 10 })),
        certificates: chance(0.05) ? [pick(certificates, random)] : [],
        minQualification: QUALIFICATIONS[Math.floor(random() * random() * 4)]!,
        languages: fdi && chance(0.3) ? [{ code: pick(['ko', 'ja', 'zh'] as const, random), minLevel: 'A2', required: chance(0.3) }] : [],
        communeCode: park?.commune_code ?? commune(),
        ...(park ? { industrialParkCode: park.code } : {}),
        wageMinVnd: wageMin,
        wageMaxVnd: wageMin + Math.floor(random() * 8) * 500_000,
        wagePeriod: 'month',
        shifts: chance(0.2) ? ['night'] : ['day'],
        housingOffered: chance(0.2),
        shuttleOffered: chance(0.3),
        welcomedGroups: chance(0.1) ? [pick(GROUP_KEYS, random)] : [],
        minExperienceYears: Math.floor(random() * random() * 5),
        deadline: '2026-12-31',
      },
    };
  };

  return { worker, vacancy };
}

/**
 * A match engine holding the province's first `workerCount` workers and
 * `vacancyCount` open vacancies (the benches' index), with the generator for
 * more (queries: the next ones).
 */
export function provinceEngine(workerCount: number, vacancyCount: number) {
  const tables = new ReferenceTables(referenceData);
  const config = DEFAULT_SCORING;
  const ctx = scoringContext(tables, config, monthIndex('2026-11'));
  const engine = new MatchEngine(ctx);
  const gen = province(referenceData);
  // Laid out as the service does at start-up.
  engine.workers.upsertMany(Array.from({ length: workerCount }, (_, i) => compileWorker(gen.worker(i), tables)));
  engine.vacancies.upsertMany(Array.from({ length: vacancyCount }, (_, i) => compileVacancy(gen.vacancy(i), tables, config)));
  return { tables, config, ctx, engine, gen };
}
