import type { vacancyTerms } from '@ketnoi/contracts';
import type { z } from 'zod';
import { occupationProfile, type OccupationProfile } from '../catalogue/occupations.js';
import { demoPlaces } from '../catalogue/places.js';
import { SECTOR_PROFILES } from '../catalogue/sectors.js';
import { between, chance, distinct, pick, roundTo, weighted } from '../random/draw.js';
import { recordRandom, type Random } from '../random/random.js';
import { zipf } from '../random/zipf.js';
import { employerAt, type DemoEmployer } from './employers.js';
import { descriptionOf } from './vacancy-text.js';

export type VacancyTermsInput = z.input<typeof vacancyTerms>;

/** A vacancy as its employer posts it (`POST /v1/vacancies`), with which employer and its demo reference. */
export interface DemoVacancy {
  index: number;
  /** `KN-<seed>-<index>`, written at the end of the description: how a re-run recognises it. */
  reference: string;
  employerIndex: number;
  terms: VacancyTermsInput;
}

export interface VacancyOptions {
  /** How many employers post them (default: count / 10, at least 1). */
  employers?: number;
  /** YYYY-MM-DD; start dates and deadlines follow it (default: today in Vietnam). */
  today?: string;
}

export const vietnamToday = (now = new Date()): string => new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

const addDays = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const FOREIGN_LANGUAGE = { KR: { code: 'ko', levels: ['TOPIK2', 'TOPIK3', 'TOPIK4'] }, JP: { code: 'ja', levels: ['N4', 'N3', 'N2'] }, CN: { code: 'zh', levels: ['HSK3', 'HSK4'] }, TW: { code: 'zh', levels: ['HSK3', 'HSK4'] } } as const;
const WELCOMED = ['poorHousehold', 'nearPoorHousehold', 'ethnicMinority', 'disability', 'backFromAbroad', 'demobilised', 'youth'] as const;

function languagesFor(random: Random, employer: DemoEmployer, occupation: OccupationProfile): VacancyTermsInput['languages'] {
  const foreign = FOREIGN_LANGUAGE[employer.body.investorCountry as keyof typeof FOREIGN_LANGUAGE];
  if (occupation.code === '2643') return [{ code: foreign?.code === 'zh' ? 'zh' : 'ko', minLevel: foreign?.code === 'zh' ? 'HSK5' : 'TOPIK4', required: true }];
  if (foreign && chance(random, QUALIFICATION_RANK_HIGH.has(occupation.qualification) ? 0.5 : 0.15)) {
    return [{ code: foreign.code, minLevel: pick(random, foreign.levels), required: chance(random, 0.3) }];
  }
  return chance(random, 0.05) ? [{ code: 'en', minLevel: 'A2', required: false }] : [];
}
const QUALIFICATION_RANK_HIGH = new Set(['college', 'university', 'postgraduate']);

function wageOf(random: Random, occupation: OccupationProfile, employer: DemoEmployer, partTime: boolean) {
  if (partTime) {
    const min = roundTo(between(random, 22_000, 32_000), 1_000);
    return { wagePeriod: 'hour' as const, wageMinVnd: min, wageMaxVnd: min + roundTo(between(random, 0, 10_000), 1_000) };
  }
  const fdiBonus = employer.body.fdi ? 1.08 : 1;
  const [lo, hi] = occupation.wage;
  const min = roundTo((lo + random() * (hi - lo) * 0.5) * 1_000_000 * fdiBonus, 100_000);
  const max = roundTo(min + (hi - lo) * random() * 0.6 * 1_000_000, 100_000);
  return { wagePeriod: 'month' as const, wageMinVnd: min, wageMaxVnd: Math.max(min, max) };
}

function contractOf(random: Random, seasonal: boolean): Pick<VacancyTermsInput, 'contractType' | 'contractMonths'> {
  if (seasonal) return { contractType: 'casual' };
  const type = weighted(random, [['fixed-term', 60], ['indefinite', 30], ['apprenticeship', 4]] as const);
  return type === 'fixed-term' ? { contractType: type, contractMonths: pick(random, [6, 12, 12, 24, 36]) } : { contractType: type };
}

/** How much a sector hires compared with the others: the parks' electronics and garment factories most. */
const HIRING_WEIGHT: Record<DemoEmployer['sector'], number> = { electronics: 1.6, garments: 1.3, mechanics: 1.1, services: 1, mining: 0.8, tea: 0.6, agriculture: 0.5 };

/** Picks the employer of a vacancy: Zipf-like over the employers (a few post many, most a few), weighted by sector and FDI. */
export function employerPicker(employers: readonly DemoEmployer[]): (random: Random) => DemoEmployer {
  return zipf(employers, 0.7, (e) => HIRING_WEIGHT[e.sector] * (e.body.fdi ? 1.2 : 1));
}

/** Vacancy `index` of the demo of `seed`, posted by an employer drawn with `pickEmployer`. */
export function vacancyAt(seed: number, index: number, today: string, pickEmployer: (random: Random) => DemoEmployer): DemoVacancy {
  const random = recordRandom(seed, 'vacancy', index);
  const employer = pickEmployer(random);
  const employerIndex = employer.index;
  const sector = SECTOR_PROFILES[employer.sector];
  const occupation = occupationProfile(zipf(sector.occupations, 1.2)(random));
  const seasonal = (employer.sector === 'tea' || employer.sector === 'agriculture') && chance(random, 0.35);
  const partTime = employer.sector === 'services' && chance(random, 0.12);
  const skillCount = between(random, 1, Math.min(4, occupation.skills.length));
  const skills = distinct(skillCount, () => occupation.skills[Math.min(occupation.skills.length - 1, Math.floor(Math.pow(random(), 1.6) * occupation.skills.length))]!);
  const reference = `KN-${seed}-${index}`;
  const park = employer.body.industrialParkCode;
  const terms: VacancyTermsInput = {
    title: occupation.title,
    description: descriptionOf(random, { occupation, employer, reference, seasonal }),
    occupationCode: occupation.code,
    positions: Math.max(1, Math.round(sector.positions[0] + Math.pow(random(), 2.5) * (sector.positions[1] - sector.positions[0]))),
    skills: skills.map((code, i) => ({ code, mustHave: i === 0 && chance(random, 0.35), weight: roundTo(0.4 + random() * 0.6, 0.1) })),
    certificates: occupation.certificates.length > 0 && chance(random, 0.5) ? [occupation.certificates[0]!] : [],
    minQualification: chance(random, 0.75) ? occupation.qualification : 'none',
    languages: languagesFor(random, employer, occupation),
    communeCode: employer.body.address.communeCode,
    ...(park === undefined ? {} : { industrialParkCode: park }),
    ...wageOf(random, occupation, employer, partTime),
    shifts: partTime ? ['part-time'] : employer.sector === 'electronics' || employer.sector === 'garments' ? pick(random, [['day', 'rotating'], ['day', 'night', 'rotating'], ['day']]) : ['day'],
    ...contractOf(random, seasonal || partTime),
    startDate: addDays(today, between(random, 10, 45)),
    housingOffered: chance(random, sector.housingShare),
    shuttleOffered: chance(random, sector.shuttleShare),
    welcomedGroups: chance(random, 0.25) ? distinct(between(random, 1, 3), () => pick(random, WELCOMED)) : [],
    ...(employer.sector === 'mining' || occupation.code === '8343' ? { minAge: 18 } : {}),
    minExperienceYears: occupation.maxExperience > 0 && chance(random, 0.6) ? between(random, 1, occupation.maxExperience) : 0,
    deadline: addDays(today, between(random, 14, 60)),
  };
  return { index, reference, employerIndex, terms };
}

/** The first `count` vacancies of the demo of `seed`. */
export function* generateVacancies(seed: number, count: number, options: VacancyOptions = {}): Generator<DemoVacancy> {
  const employerCount = Math.max(1, options.employers ?? Math.ceil(count / 10));
  const today = options.today ?? vietnamToday();
  const places = demoPlaces();
  const pickEmployer = employerPicker(Array.from({ length: employerCount }, (_, i) => employerAt(seed, i, places)));
  for (let i = 0; i < count; i += 1) yield vacancyAt(seed, i, today, pickEmployer);
}
